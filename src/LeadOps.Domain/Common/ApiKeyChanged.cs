namespace LeadOps.Domain.Common;

/// <summary>Staff created or revoked a personal API key.</summary>
public sealed record ApiKeyChanged(ApiKey Key, string Change) : IDomainEvent
{
    public const string Create = "create_api_key";
    public const string Revoke = "revoke_api_key";

    /// <summary>A revoke of a key already revoked: nothing changed.</summary>
    public const string RevokeUnchanged = "revoke_api_key_unchanged";
}
