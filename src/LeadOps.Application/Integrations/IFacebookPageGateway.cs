namespace LeadOps.Application.Integrations;

/// <summary>Page-level Graph operations the Integrations module needs.</summary>
public interface IFacebookPageGateway
{
    /// <summary>GET /me with a page token: the page itself.</summary>
    Task<FacebookPageInfo> GetPageAsync(string accessToken, CancellationToken cancellationToken);

    /// <summary>GET /debug_token with the app token; null when no app id/secret is configured.</summary>
    Task<FacebookTokenInfo?> DebugTokenAsync(string accessToken, CancellationToken cancellationToken);

    /// <summary>GET /{page-id}/leadgen_forms, all pages of it.</summary>
    Task<IReadOnlyList<FacebookLeadFormInfo>> GetLeadFormsAsync(GraphCredentials credentials, CancellationToken cancellationToken);

    /// <summary>GET /{page-id}/subscribed_apps: the fields this app is subscribed to on the page (empty when not subscribed).</summary>
    Task<IReadOnlyList<string>> GetSubscribedFieldsAsync(GraphCredentials credentials, CancellationToken cancellationToken);

    /// <summary>POST /{page-id}/subscribed_apps?subscribed_fields=…</summary>
    Task SubscribeAsync(GraphCredentials credentials, IReadOnlyList<string> fields, CancellationToken cancellationToken);
}
