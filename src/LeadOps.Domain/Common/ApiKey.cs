namespace LeadOps.Domain.Common;

/// <summary>A personal API key. Only a hash of the secret is stored; the key itself is shown once.</summary>
public sealed class ApiKey : IOwnedByUser
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

    public bool IsActive => RevokedAt is null;
}
