using Refit;

namespace LeadOps.Infrastructure.Graph;

/// <summary>
/// The Graph endpoints LeadOps uses, relative to <c>{Facebook:GraphBaseUrl}/{Facebook:GraphVersion}/</c>.
/// Every call carries a <see cref="GraphCallContext"/>: the handlers turn it into the Authorization header (the token never
/// goes into a URL), the appsecret_proof, the circuit-breaker key and the log fields. Failures surface as
/// <see cref="LeadOps.Application.Common.Graph.GraphApiException"/>.
/// </summary>
internal interface IGraphApi
{
    [Get("/me")]
    Task<GraphPageDto> GetMeAsync(
        string fields,
        [Property(GraphRequestOptions.ContextKey)] GraphCallContext context,
        CancellationToken cancellationToken);

    [Get("/{pageId}/leadgen_forms")]
    Task<GraphListResponse<GraphLeadFormDto>> GetLeadFormsAsync(
        string pageId,
        string fields,
        int? limit,
        string? after,
        [Property(GraphRequestOptions.ContextKey)] GraphCallContext context,
        CancellationToken cancellationToken);

    /// <summary>A page of the same edge named by the time or offset parameters of Graph's next URL (<see cref="GraphNextPage.Position"/>).</summary>
    [Get("/{pageId}/leadgen_forms")]
    Task<GraphListResponse<GraphLeadFormDto>> GetLeadFormsFromAsync(
        string pageId,
        string fields,
        int? limit,
        [Query] IDictionary<string, string> position,
        [Property(GraphRequestOptions.ContextKey)] GraphCallContext context,
        CancellationToken cancellationToken);

    /// <summary><paramref name="filtering"/> is the JSON array Graph documents for time_created (see <see cref="GraphLeadFilter"/>).</summary>
    [Get("/{formId}/leads")]
    Task<GraphListResponse<GraphLeadDto>> GetLeadsAsync(
        string formId,
        string fields,
        int? limit,
        string? after,
        string? filtering,
        [Property(GraphRequestOptions.ContextKey)] GraphCallContext context,
        CancellationToken cancellationToken);

    /// <summary>
    /// A page of the same edge named by the time or offset parameters of Graph's next URL (<see cref="GraphNextPage.Position"/>)
    /// rather than an <c>after</c> cursor.
    /// </summary>
    [Get("/{formId}/leads")]
    Task<GraphListResponse<GraphLeadDto>> GetLeadsFromAsync(
        string formId,
        string fields,
        int? limit,
        string? filtering,
        [Query] IDictionary<string, string> position,
        [Property(GraphRequestOptions.ContextKey)] GraphCallContext context,
        CancellationToken cancellationToken);

    [Get("/{leadId}")]
    Task<GraphLeadDto> GetLeadAsync(
        string leadId,
        string fields,
        [Property(GraphRequestOptions.ContextKey)] GraphCallContext context,
        CancellationToken cancellationToken);

    [Get("/{pageId}/subscribed_apps")]
    Task<GraphListResponse<GraphSubscribedAppDto>> GetSubscribedAppsAsync(
        string pageId,
        string? after,
        [Property(GraphRequestOptions.ContextKey)] GraphCallContext context,
        CancellationToken cancellationToken);

    /// <summary>A later page of the same edge named by the time or offset parameters of Graph's next URL (<see cref="GraphNextPage.Position"/>).</summary>
    [Get("/{pageId}/subscribed_apps")]
    Task<GraphListResponse<GraphSubscribedAppDto>> GetSubscribedAppsFromAsync(
        string pageId,
        [Query] IDictionary<string, string> position,
        [Property(GraphRequestOptions.ContextKey)] GraphCallContext context,
        CancellationToken cancellationToken);

    [Post("/{pageId}/subscribed_apps")]
    Task<GraphSuccessDto> SubscribeAppAsync(
        string pageId,
        [AliasAs("subscribed_fields")] string subscribedFields,
        [Property(GraphRequestOptions.ContextKey)] GraphCallContext context,
        CancellationToken cancellationToken);

    /// <summary><c>GET /{page-id}?fields=has_lead_access</c>.</summary>
    [Get("/{pageId}")]
    Task<GraphLeadAccessDto> GetLeadAccessAsync(
        string pageId,
        string fields,
        [Property(GraphRequestOptions.ContextKey)] GraphCallContext context,
        CancellationToken cancellationToken);

    [Get("/{formId}/test_leads")]
    Task<GraphListResponse<GraphLeadDto>> GetTestLeadsAsync(
        string formId,
        string fields,
        string? after,
        [Property(GraphRequestOptions.ContextKey)] GraphCallContext context,
        CancellationToken cancellationToken);

    /// <summary>A later page of the same edge named by the time or offset parameters of Graph's next URL (<see cref="GraphNextPage.Position"/>).</summary>
    [Get("/{formId}/test_leads")]
    Task<GraphListResponse<GraphLeadDto>> GetTestLeadsFromAsync(
        string formId,
        string fields,
        [Query] IDictionary<string, string> position,
        [Property(GraphRequestOptions.ContextKey)] GraphCallContext context,
        CancellationToken cancellationToken);

    /// <summary><paramref name="fieldData"/> is the JSON array of <c>{"name","values"}</c> the test lead answers with.</summary>
    [Post("/{formId}/test_leads")]
    Task<GraphCreatedDto> CreateTestLeadAsync(
        string formId,
        [AliasAs("field_data")] string fieldData,
        [Property(GraphRequestOptions.ContextKey)] GraphCallContext context,
        CancellationToken cancellationToken);

    /// <summary><c>DELETE /{id}</c> (a test lead).</summary>
    [Delete("/{nodeId}")]
    Task<GraphSuccessDto> DeleteAsync(
        string nodeId,
        [Property(GraphRequestOptions.ContextKey)] GraphCallContext context,
        CancellationToken cancellationToken);

    [Post("/{pageId}/messages")]
    Task<GraphSendMessageResponse> SendMessageAsync(
        string pageId,
        [Body] GraphSendMessageRequest message,
        [Property(GraphRequestOptions.ContextKey)] GraphCallContext context,
        CancellationToken cancellationToken);

    /// <summary>A sender action, or an attachment upload (<paramref name="message"/> is then multipart content with <c>filedata</c>).</summary>
    [Post("/{pageId}/messages")]
    Task<GraphSendMessageResponse> SendMessageContentAsync(
        string pageId,
        [Body] HttpContent message,
        [Property(GraphRequestOptions.ContextKey)] GraphCallContext context,
        CancellationToken cancellationToken);

    [Post("/{pageId}/messages")]
    Task<GraphSendMessageResponse> SendSenderActionAsync(
        string pageId,
        [Body] GraphSenderActionRequest action,
        [Property(GraphRequestOptions.ContextKey)] GraphCallContext context,
        CancellationToken cancellationToken);

    /// <summary>The User Profile API: a customer's name and picture by page-scoped id.</summary>
    [Get("/{psid}")]
    Task<GraphUserProfileDto> GetUserProfileAsync(
        string psid,
        string fields,
        [Property(GraphRequestOptions.ContextKey)] GraphCallContext context,
        CancellationToken cancellationToken);

    [Post("/{pageId}/pass_thread_control")]
    Task<GraphSuccessDto> PassThreadControlAsync(
        string pageId,
        [Body] GraphThreadControlRequest request,
        [Property(GraphRequestOptions.ContextKey)] GraphCallContext context,
        CancellationToken cancellationToken);

    [Post("/{pageId}/take_thread_control")]
    Task<GraphSuccessDto> TakeThreadControlAsync(
        string pageId,
        [Body] GraphThreadControlRequest request,
        [Property(GraphRequestOptions.ContextKey)] GraphCallContext context,
        CancellationToken cancellationToken);

    /// <summary>
    /// The Conversions API: <c>POST /{dataset-id}/events</c> with a JSON body that carries the events and the dataset's
    /// <c>access_token</c> (in the body, never the URL).
    /// </summary>
    [Post("/{datasetId}/events")]
    Task<GraphEventsResponse> PostEventsAsync(
        string datasetId,
        [Body] HttpContent events,
        [Property(GraphRequestOptions.ContextKey)] GraphCallContext context,
        CancellationToken cancellationToken);

    /// <summary>
    /// Called with the app token (<see cref="GraphCallContext.ForApp"/>). Graph only takes the inspected token as the
    /// <c>input_token</c> query parameter, so this is the one request whose URL holds a page token; it is never logged.
    /// </summary>
    [Get("/debug_token")]
    Task<GraphDebugTokenResponse> DebugTokenAsync(
        [AliasAs("input_token")] string inputToken,
        [Property(GraphRequestOptions.ContextKey)] GraphCallContext context,
        CancellationToken cancellationToken);
}
