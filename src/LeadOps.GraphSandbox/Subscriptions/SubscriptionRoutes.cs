namespace LeadOps.GraphSandbox;

/// <summary><c>GET</c>, <c>POST</c> and <c>DELETE /{page-id}/subscribed_apps</c>: the app's webhook subscription on a page.</summary>
internal static class SubscriptionRoutes
{
    private const string Path = "{id}/subscribed_apps";

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

    private static GraphReply List(GraphCall call)
    {
        var fields = call.State.Subscriptions.FieldsOf(call.Page!);
        var options = call.State.Options;
        IReadOnlyList<SubscribedApp> apps = fields.Count == 0
            ? []
            : [new SubscribedApp($"https://sandbox.leadops.invalid/apps/{options.AppId}", options.AppName, options.AppId, fields)];
        return GraphReply.Json(new DataList<SubscribedApp>(apps));
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
