namespace LeadOps.GraphSandbox;

/// <summary>The page tokens by value, and what a token on a call is: the app's, a page's (valid or not), or unknown.</summary>
internal sealed class TokenStore(SandboxOptions options, Lock gate)
{
    private readonly Dictionary<string, PageState> _pagesByToken = new(StringComparer.Ordinal);

    public TokenCheck Check(string token)
    {
        if (token == SandboxSeed.AppAccessToken(options))
        {
            return new TokenCheck(TokenKind.App, null, [], true, DateTimeOffset.UnixEpoch, null, null);
        }

        if (token == SandboxSeed.TokenOwnerUserToken)
        {
            return new TokenCheck(TokenKind.User, null, SandboxSeed.AllScopes, true, DateTimeOffset.UnixEpoch, null, null);
        }

        if (token == SandboxSeed.DatasetToken)
        {
            return new TokenCheck(TokenKind.Dataset, null, [], true, DateTimeOffset.UnixEpoch, null, null);
        }

        lock (gate)
        {
            if (!_pagesByToken.TryGetValue(token, out var page))
            {
                return new TokenCheck(TokenKind.Unknown, null, [], false, DateTimeOffset.UnixEpoch, null, null);
            }

            var t = page.Token;
            return new TokenCheck(TokenKind.Page, page, t.Scopes, t.IsValid(options.TimeProvider.GetUtcNow()), t.IssuedAt, t.ExpiresAt, t.DataAccessExpiresAt);
        }
    }

    /// <summary>Indexes the tokens of the (re)seeded pages.</summary>
    public void Seed(IEnumerable<PageState> pages)
    {
        lock (gate)
        {
            _pagesByToken.Clear();
            foreach (var page in pages)
            {
                _pagesByToken.Add(page.Token.Value, page);
            }
        }
    }
}
