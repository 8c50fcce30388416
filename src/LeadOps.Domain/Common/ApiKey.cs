namespace LeadOps.Domain.Common;

/// <summary>A personal API key. Only a hash of the secret is stored; the key itself is shown once.</summary>
public sealed class ApiKey : Entity, IOwnedByUser
{
    public const int NameLength = 100;
    public const int PrefixLength = 20;

    public Guid Id { get; set; } = Guid.NewGuid();

    public string OwnerId { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    /// <summary>Public lookup part of the key (not secret), e.g. "lo_3fa9c1d2".</summary>
    public string Prefix { get; set; } = string.Empty;

    public byte[] SecretHash { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>
    /// The one-time token of the Account page's form that created the key, or null (the API): the same form posted
    /// again (a reload without script) finds it here and creates nothing (ADR 0018). Unique per owner.
    /// </summary>
    public Guid? FormToken { get; set; }

    public bool IsActive => RevokedAt is null;

    /// <summary>A new key, made by staff (audited).</summary>
    public static ApiKey Create(string name, string prefix, byte[] secretHash, DateTimeOffset at, Guid? formToken = null)
    {
        var key = new ApiKey { Name = name, Prefix = prefix, SecretHash = secretHash, CreatedAt = at, FormToken = formToken };
        key.Raise(new ApiKeyChanged(key, ApiKeyChanged.Create));
        return key;
    }

    /// <summary>Staff revoke the key; a revoked key stays revoked as it was (and says so to the audit trail).</summary>
    public void Revoke(DateTimeOffset at)
    {
        var changed = RevokedAt is null;
        RevokedAt ??= at;
        Raise(new ApiKeyChanged(this, changed ? ApiKeyChanged.Revoke : ApiKeyChanged.RevokeUnchanged));
    }
}
