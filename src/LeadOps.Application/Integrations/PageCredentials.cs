namespace LeadOps.Application.Integrations;

/// <summary>How LeadOps speaks to Graph as an integration's page: its page id with its token, decrypted only for the call.</summary>
internal static class PageCredentials
{
    public static GraphCredentials CredentialsFor(this ITokenProtector protector, Integration integration) =>
        new(integration.PageId, protector.Unprotect(integration.ProtectedToken));
}
