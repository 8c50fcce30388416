using LeadOps.Application.Integrations;

namespace LeadOps.Infrastructure.Graph;

/// <summary>
/// <see cref="IFacebookPageGateway"/> over Graph: the page itself, its token, its lead forms (with their counts, and their
/// questions when asked), its webhook subscription, its lead access and its forms' test leads.
/// </summary>
internal sealed class GraphFacebookPageGateway(IGraphApi graphApi, IOptionsMonitor<FacebookOptions> options, ILogger<GraphFacebookPageGateway> logger) : IFacebookPageGateway
{
    private const string PageFields = "id,name";
    private const string FormFields = "id,name,status,locale,created_time,leads_count";
    private const string FormFieldsWithQuestions = FormFields + ",questions";
    private const int FormPageSize = 100;

    public async Task<FacebookPageInfo> GetPageAsync(string accessToken, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(accessToken);

        var page = await GraphCall.RunAsync(() => graphApi.GetMeAsync(PageFields, GraphCallContext.ForToken(accessToken), cancellationToken));
        if (string.IsNullOrEmpty(page.Id))
        {
            throw new GraphApiException(GraphCall.Unreadable(200, "Graph returned no id for /me"));
        }

        return new FacebookPageInfo(page.Id, page.Name ?? string.Empty);
    }

    public async Task<FacebookTokenInfo?> DebugTokenAsync(string accessToken, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(accessToken);

        var current = options.CurrentValue;
        if (!current.HasAppCredentials)
        {
            return null;
        }

        var response = await GraphCall.RunAsync(() =>
            graphApi.DebugTokenAsync(accessToken, GraphCallContext.ForApp(current.AppId!, current.AppSecret!), cancellationToken));
        var data = response.Data ?? throw new GraphApiException(GraphCall.Unreadable(200, "Graph returned no data for debug_token"));

        return new FacebookTokenInfo(
            data.IsValid ?? false,
            data.Type,
            UnixOrNull(data.ExpiresAt),
            UnixOrNull(data.DataAccessExpiresAt),
            data.Scopes ?? [],
            data.ProfileId ?? data.UserId);
    }

    public Task<FacebookLeadFormList> GetLeadFormsAsync(GraphCredentials credentials, CancellationToken cancellationToken) =>
        ListFormsAsync(credentials, FormFields, cancellationToken);

    public Task<FacebookLeadFormList> GetLeadFormsWithQuestionsAsync(GraphCredentials credentials, CancellationToken cancellationToken) =>
        ListFormsAsync(credentials, FormFieldsWithQuestions, cancellationToken);

    /// <summary>
    /// The fields this app (Facebook:AppId) is subscribed to; without an AppId, those of every app listed. Every page of
    /// the edge is read (<see cref="GraphEdgeWalk"/>) until this app is found: a page with many apps installed lists it on
    /// a later page. Paging that cannot be followed fails the read rather than answer "not subscribed".
    /// </summary>
    public async Task<IReadOnlyList<string>> GetSubscribedFieldsAsync(GraphCredentials credentials, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentException.ThrowIfNullOrEmpty(credentials.PageId);

        var context = GraphCallContext.ForPage(credentials);
        var appId = options.CurrentValue.AppId;
        var fields = new List<string>();
        var walk = new GraphEdgeWalk();
        while (true)
        {
            var page = await GraphCall.RunAsync(() => walk.AskAsync(
                after => graphApi.GetSubscribedAppsAsync(credentials.PageId, after, context, cancellationToken),
                position => graphApi.GetSubscribedAppsFromAsync(credentials.PageId, position, context, cancellationToken)));
            var apps = page.Data ?? [];
            fields.AddRange(apps.Where(a => string.IsNullOrEmpty(appId) || a.Id == appId).SelectMany(a => a.SubscribedFields ?? []));
            if ((!string.IsNullOrEmpty(appId) && apps.Any(a => a.Id == appId)) || !walk.MoveTo(GraphPagingCursor.NextPage(page.Paging), apps.Count))
            {
                return [.. fields.Distinct(StringComparer.Ordinal)];
            }
        }
    }

    public async Task SubscribeAsync(GraphCredentials credentials, IReadOnlyList<string> fields, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentException.ThrowIfNullOrEmpty(credentials.PageId);
        ArgumentNullException.ThrowIfNull(fields);
        if (fields.Count == 0 || fields.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("At least one non-empty field is required.", nameof(fields));
        }

        var result = await GraphCall.RunAsync(() =>
            graphApi.SubscribeAppAsync(credentials.PageId, string.Join(',', fields), GraphCallContext.ForPage(credentials), cancellationToken));
        if (result.Success != true)
        {
            throw new GraphApiException(GraphCall.Unreadable(200, "Graph did not confirm the subscription"));
        }
    }

    public async Task<FacebookLeadAccess> GetLeadAccessAsync(GraphCredentials credentials, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        var answer = await GraphCall.RunAsync(() =>
            graphApi.GetLeadAccessAsync(credentials.PageId, "has_lead_access", GraphCallContext.ForPage(credentials), cancellationToken));
        return answer.HasLeadAccess switch
        {
            { ValueKind: JsonValueKind.True } => new FacebookLeadAccess(true, null, null, null),
            { ValueKind: JsonValueKind.False } => new FacebookLeadAccess(false, null, null, null),
            { ValueKind: JsonValueKind.Object } access => new FacebookLeadAccess(
                Flag(access, "can_access_lead"), Flag(access, "enabled_lead_access_manager"), Text(access, "failure_reason"), Text(access, "failure_resolution")),
            _ => new FacebookLeadAccess(null, null, null, null),
        };
    }

    /// <summary>
    /// Every test lead the form's <c>test_leads</c> edge lists, on every page of it (<see cref="GraphEdgeWalk.ReadAllAsync"/>):
    /// one left on a later page would still be there when the new one is created, and Graph refuses that.
    /// </summary>
    public async Task<IReadOnlyList<string>> GetTestLeadIdsAsync(GraphCredentials credentials, string formId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentException.ThrowIfNullOrEmpty(formId);
        var context = GraphCallContext.ForPage(credentials);
        var leads = await GraphEdgeWalk.ReadAllAsync(
            after => graphApi.GetTestLeadsAsync(formId, "id", after, context, cancellationToken),
            position => graphApi.GetTestLeadsFromAsync(formId, "id", position, context, cancellationToken),
            lead => lead.Id);
        // A test lead listed without an id cannot be deleted (nor told from another): only those with one are named.
        return [.. leads.Select(l => l.Id).OfType<string>().Where(id => id.Length > 0)];
    }

    public async Task DeleteTestLeadAsync(GraphCredentials credentials, string leadId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentException.ThrowIfNullOrEmpty(leadId);
        await GraphCall.RunAsync(() => graphApi.DeleteAsync(leadId, GraphCallContext.ForPage(credentials), cancellationToken));
    }

    public async Task<string> CreateTestLeadAsync(GraphCredentials credentials, string formId, IReadOnlyList<FacebookLeadAnswer> answers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentException.ThrowIfNullOrEmpty(formId);
        var fieldData = JsonSerializer.Serialize(answers.Select(a => new { name = a.Name, values = a.Values }), GraphJson.Options);
        var created = await GraphCall.RunAsync(() => graphApi.CreateTestLeadAsync(formId, fieldData, GraphCallContext.ForPage(credentials), cancellationToken));
        return created.Id is { Length: > 0 } id ? id : throw new GraphApiException(GraphCall.Unreadable(200, "Graph returned no id for the test lead"));
    }

    /// <summary>Every page of the listing; one whose paging cannot be followed on (<see cref="GraphEdgeWalk"/>) ends it with the forms read and why.</summary>
    private async Task<FacebookLeadFormList> ListFormsAsync(GraphCredentials credentials, string fields, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentException.ThrowIfNullOrEmpty(credentials.PageId);

        var context = GraphCallContext.ForPage(credentials);
        var forms = new List<FacebookLeadFormInfo>();
        var walk = new GraphEdgeWalk();
        var size = new GraphPageSize(FormPageSize, "lead forms", logger);
        while (true)
        {
            var page = await size.RunAsync(limit => walk.AskAsync(
                after => graphApi.GetLeadFormsAsync(credentials.PageId, fields, limit, after, context, cancellationToken),
                position => graphApi.GetLeadFormsFromAsync(credentials.PageId, fields, limit, position, context, cancellationToken)));
            // Each form once; the walk ends after pages in a row of forms already listed under ever new cursors.
            forms.AddRange(walk.Meet(page.Data ?? [], f => f.Id).Where(f => !string.IsNullOrEmpty(f.Id)).Select(f => new FacebookLeadFormInfo(
                f.Id!,
                f.Name ?? string.Empty,
                f.Status ?? string.Empty,
                f.Locale,
                GraphTime.TryParse(f.CreatedTime, out var created) ? created : null,
                f.LeadsCount)
            {
                Questions = GraphFormQuestions.Read(f.Questions),
            }));
            try
            {
                if (!walk.MoveTo(GraphPagingCursor.NextPage(page.Paging), page.Data?.Count ?? 0))
                {
                    return new FacebookLeadFormList(forms);
                }
            }
            catch (GraphApiException ex)
            {
                return new FacebookLeadFormList(forms, ex.Failure);
            }
        }
    }

    private static bool? Flag(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : null;

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static DateTimeOffset? UnixOrNull(long? seconds) =>
        seconds is > 0 and < 253_402_300_800 ? DateTimeOffset.FromUnixTimeSeconds(seconds.Value) : null;
}
