namespace LeadOps.Application.Integrations;

/// <summary>Page-level Graph operations the Integrations module needs.</summary>
public interface IFacebookPageGateway
{
    /// <summary>GET /me with a page token: the page itself.</summary>
    Task<FacebookPageInfo> GetPageAsync(string accessToken, CancellationToken cancellationToken);

    /// <summary>GET /debug_token with the app token; null when no app id/secret is configured.</summary>
    Task<FacebookTokenInfo?> DebugTokenAsync(string accessToken, CancellationToken cancellationToken);

    /// <summary>
    /// GET /{page-id}/leadgen_forms, all pages of it, with each form's leads_count (no questions: the minute's probe). A
    /// listing Graph's paging cut short answers the forms read with why (<see cref="FacebookLeadFormList.StoppedBy"/>).
    /// </summary>
    Task<FacebookLeadFormList> GetLeadFormsAsync(GraphCredentials credentials, CancellationToken cancellationToken);

    /// <summary>The same, with each form's questions (labels and options).</summary>
    Task<FacebookLeadFormList> GetLeadFormsWithQuestionsAsync(GraphCredentials credentials, CancellationToken cancellationToken);

    /// <summary>GET /{page-id}/subscribed_apps: the fields this app is subscribed to on the page (empty when not subscribed).</summary>
    Task<IReadOnlyList<string>> GetSubscribedFieldsAsync(GraphCredentials credentials, CancellationToken cancellationToken);

    /// <summary>POST /{page-id}/subscribed_apps?subscribed_fields=…</summary>
    Task SubscribeAsync(GraphCredentials credentials, IReadOnlyList<string> fields, CancellationToken cancellationToken);

    /// <summary>GET /{page-id}?fields=has_lead_access: whether this app may read the page's leads (Leads Access Manager).</summary>
    Task<FacebookLeadAccess> GetLeadAccessAsync(GraphCredentials credentials, CancellationToken cancellationToken);

    /// <summary>GET /{form-id}/test_leads: the ids of the form's test leads (Graph keeps one at a time).</summary>
    Task<IReadOnlyList<string>> GetTestLeadIdsAsync(GraphCredentials credentials, string formId, CancellationToken cancellationToken);

    /// <summary>DELETE /{lead-id} of a test lead.</summary>
    Task DeleteTestLeadAsync(GraphCredentials credentials, string leadId, CancellationToken cancellationToken);

    /// <summary>POST /{form-id}/test_leads with these answers: the new test lead's id.</summary>
    Task<string> CreateTestLeadAsync(GraphCredentials credentials, string formId, IReadOnlyList<FacebookLeadAnswer> answers, CancellationToken cancellationToken);
}
