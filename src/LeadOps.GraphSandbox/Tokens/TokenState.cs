namespace LeadOps.GraphSandbox;

/// <summary>A page token: its scopes and lifetime. Changed under the state's lock.</summary>
internal sealed class TokenState(string value, IReadOnlyList<string> scopes, DateTimeOffset issuedAt, DateTimeOffset? expiresAt)
{
    public string Value { get; } = value;

    public IReadOnlyList<string> Scopes { get; } = scopes;

    public DateTimeOffset IssuedAt { get; } = issuedAt;

    /// <summary>Null: never expires (a page token from a long-lived user token).</summary>
    public DateTimeOffset? ExpiresAt { get; private set; } = expiresAt;

    public DateTimeOffset DataAccessExpiresAt { get; } = issuedAt.AddDays(90);

    public bool ForcedExpired { get; private set; }

    /// <summary>The token of a seeded page, issued and expiring relative to <paramref name="now"/>.</summary>
    public static TokenState Seeded(SeedPage page, DateTimeOffset now)
    {
        DateTimeOffset? expiresAt = page.TokenState switch
        {
            SeedTokenState.Expired => now.AddDays(-2),
            SeedTokenState.ExpiresSoon => now + SandboxSeed.ExpiringTokenLifetime,
            _ => null,
        };
        var issuedAt = page.TokenState == SeedTokenState.Expired ? now.AddDays(-62) : now.AddDays(-10);
        return new TokenState(page.Token, page.Scopes, issuedAt, expiresAt);
    }

    public bool IsValid(DateTimeOffset now) => !ForcedExpired && (ExpiresAt is null || now < ExpiresAt);

    /// <summary>Expired from <paramref name="now"/> on, whatever the clock says later.</summary>
    public void Expire(DateTimeOffset now)
    {
        ForcedExpired = true;
        ExpiresAt = now;
    }
}
