namespace LeadOps.GraphSandbox;

/// <summary>What the token on a call turned out to be.</summary>
internal sealed record TokenCheck(
    TokenKind Kind,
    PageState? Page,
    IReadOnlyList<string> Scopes,
    bool IsValid,
    DateTimeOffset IssuedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? DataAccessExpiresAt);
