using System.Security.Cryptography;

namespace LeadOps.Application.Integrations;

/// <summary>How LeadOps speaks to Graph as an integration's page: its page id with its token, decrypted only for the call.</summary>
internal static class PageCredentials
{
    /// <summary>
    /// The page's id and token. A stored token that cannot be read (the keys that protected it are gone, ADR 0013) is a
    /// token that no longer works, as Graph's 190 says of a revoked one: it is thrown as that refusal, so every caller
    /// handles it as such (the page is marked for reconnecting, its Messenger events are held, the schedule skips it).
    /// </summary>
    public static GraphCredentials CredentialsFor(this ITokenProtector protector, Integration integration)
    {
        try
        {
            return new(integration.PageId, protector.Unprotect(integration.ProtectedToken));
        }
        catch (CryptographicException ex)
        {
            throw new GraphApiException(Unreadable, ex);
        }
    }

    /// <summary>The stored token in clear, or null when it cannot be read (<see cref="CredentialsFor"/>).</summary>
    public static string? TokenOrNull(this ITokenProtector protector, Integration integration) =>
        protector.UnprotectOrNull(integration.ProtectedToken);

    /// <summary>A stored secret in clear (a page's or a dataset's token), or null when the key ring can no longer read it.</summary>
    public static string? UnprotectOrNull(this ITokenProtector protector, string protectedSecret)
    {
        try
        {
            return protector.Unprotect(protectedSecret);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    private static readonly GraphFailure Unreadable =
        new(GraphFailureKind.TokenInvalid, null, null, null, GraphFailureText.TokenUnreadable, null, false, null) { TokenUnreadable = true };
}
