namespace LeadOps.Application.Integrations;

/// <summary>Result of Graph's debug_token for a page token.</summary>
public sealed record FacebookTokenInfo(
    bool IsValid,
    string? Type,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? DataAccessExpiresAt,
    IReadOnlyList<string> Scopes,
    string? ProfileId);
