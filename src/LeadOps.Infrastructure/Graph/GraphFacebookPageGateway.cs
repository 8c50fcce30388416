using LeadOps.Application.Integrations;

namespace LeadOps.Infrastructure.Graph;

/// <summary><see cref="IFacebookPageGateway"/> over Graph: the page itself, its token, its lead forms and its webhook subscription.</summary>
internal sealed class GraphFacebookPageGateway(IGraphApi graphApi, IOptionsMonitor<FacebookOptions> options) : IFacebookPageGateway
{
    private const string PageFields = "id,name";
    private const string FormFields = "id,name,status,locale,created_time,leads_count";
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

    public async Task<IReadOnlyList<FacebookLeadFormInfo>> GetLeadFormsAsync(GraphCredentials credentials, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentException.ThrowIfNullOrEmpty(credentials.PageId);

        var context = GraphCallContext.ForPage(credentials);
        var forms = new List<FacebookLeadFormInfo>();
        string? after = null;
        do
        {
            var page = await GraphCall.RunAsync(() =>
                graphApi.GetLeadFormsAsync(credentials.PageId, FormFields, FormPageSize, after, context, cancellationToken));
            forms.AddRange((page.Data ?? []).Where(f => !string.IsNullOrEmpty(f.Id)).Select(f => new FacebookLeadFormInfo(
                f.Id!,
                f.Name ?? string.Empty,
                f.Status ?? string.Empty,
                f.Locale,
                GraphTime.TryParse(f.CreatedTime, out var created) ? created : null,
                f.LeadsCount)));
            after = GraphPagingCursor.NextAfter(page.Paging, after);
        }
        while (after is not null);

        return forms;
    }

    /// <summary>The fields this app (Facebook:AppId) is subscribed to; without an AppId, those of every app listed.</summary>
    public async Task<IReadOnlyList<string>> GetSubscribedFieldsAsync(GraphCredentials credentials, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentException.ThrowIfNullOrEmpty(credentials.PageId);

        var apps = await GraphCall.RunAsync(() =>
            graphApi.GetSubscribedAppsAsync(credentials.PageId, GraphCallContext.ForPage(credentials), cancellationToken));
        var appId = options.CurrentValue.AppId;
        return (apps.Data ?? [])
            .Where(a => string.IsNullOrEmpty(appId) || a.Id == appId)
            .SelectMany(a => a.SubscribedFields ?? [])
            .Distinct(StringComparer.Ordinal)
            .ToList();
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

    private static DateTimeOffset? UnixOrNull(long? seconds) =>
        seconds is > 0 and < 253_402_300_800 ? DateTimeOffset.FromUnixTimeSeconds(seconds.Value) : null;
}
