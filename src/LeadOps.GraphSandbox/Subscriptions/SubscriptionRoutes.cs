namespace LeadOps.GraphSandbox;

/// <summary><c>GET</c>, <c>POST</c> and <c>DELETE /{page-id}/subscribed_apps</c>: the app's webhook subscription on a page.</summary>
internal static class SubscriptionRoutes
{
    private const string Path = "{id}/subscribed_apps";

    private const int MaxAppsLimit = 100;

    private static readonly NodeFields Fields = new(
        "Application", ["id", "name", "link", "category", "subscribed_fields"], ["link", "name", "id", "subscribed_fields"]);

    private static readonly string[] WebhookFields =
    [
        "leadgen", "messages", "messaging_postbacks", "messaging_optins", "message_deliveries", "message_reads",
        "message_echoes", "messaging_referrals", "messaging_handovers", "standby", "feed", "message_reactions", "message_edits",
        "messaging_policy_enforcement",
    ];

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGraph(HttpMethods.Get, Path, FaultRoutes.SubscribedApps, NodeResolver.Page, List);
        app.MapGraph(HttpMethods.Post, Path, FaultRoutes.SubscribedApps, NodeResolver.Page, Subscribe);
        app.MapGraph(HttpMethods.Delete, Path, FaultRoutes.SubscribedApps, NodeResolver.Page, Unsubscribe);
    }

    /// <summary>
    /// The apps installed on the page, paged as every edge (<c>limit</c>, cursors, <c>next</c>): the other apps
    /// (<see cref="SandboxState.InstallOtherApps"/>), newest first, then this app when it is subscribed.
    /// </summary>
    private static GraphReply List(GraphCall call)
    {
        if (PageRequest.Parse(call, MaxAppsLimit, out var request) is { } error)
        {
            return GraphReply.Fail(error);
        }

        if (FieldSelection.Parse(call, Fields, out var fields) is { } fieldsError)
        {
            return GraphReply.Fail(fieldsError);
        }

        var options = call.State.Options;
        var own = call.State.Subscriptions.FieldsOf(call.Page!) is { Count: > 0 } subscribed
            ? new SubscribedApp($"https://sandbox.leadops.invalid/apps/{options.AppId}", options.AppName, options.AppId, subscribed)
            : null;
        var others = call.State.Subscriptions.OtherAppsOf(call.Page!);
        var sorted = new List<(PageKey Key, SubscribedApp App)>();
        if (own is not null)
        {
            sorted.Add((new PageKey(0, 0), own));
        }

        sorted.AddRange(others.Select((app, i) => (new PageKey(1, i + 1), app)));
        return EdgeReply.Of(call, request, fields, () => KeysetPager.Page(sorted, item => item.Key, long.MinValue, long.MaxValue, request), item => item.App);
    }

    private static GraphReply Subscribe(GraphCall call)
    {
        var raw = call.Param("subscribed_fields");
        if (string.IsNullOrWhiteSpace(raw))
        {
            return GraphReply.Fail(GraphErrors.InvalidParameter("The parameter subscribed_fields is required"));
        }

        var fields = ParseList(raw);
        for (var i = 0; i < fields.Count; i++)
        {
            if (!WebhookFields.Contains(fields[i]))
            {
                return GraphReply.Fail(GraphErrors.InvalidParameter(
                    $"Param subscribed_fields[{i}] must be one of {{{string.Join(", ", WebhookFields)}}} - got \"{fields[i]}\"."));
            }
        }

        call.State.Subscriptions.Add(call.Page!, fields);
        return GraphReply.Json(new SuccessJson(true));
    }

    private static GraphReply Unsubscribe(GraphCall call)
    {
        call.State.Subscriptions.Set(call.Page!, []);
        return GraphReply.Json(new SuccessJson(true));
    }

    /// <summary>A list parameter: a JSON array, or comma-separated.</summary>
    private static List<string> ParseList(string raw)
    {
        var trimmed = raw.Trim();
        if (trimmed.StartsWith('['))
        {
            try
            {
                return JsonSerializer.Deserialize<List<string>>(trimmed) ?? [];
            }
            catch (JsonException)
            {
                return [trimmed];
            }
        }

        return [.. trimmed.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
    }
}
