using System.Text.Json.Nodes;

namespace LeadOps.GraphSandbox;

/// <summary>
/// <c>POST /{dataset-id}/events</c>: the Conversions API. Takes a JSON body (or form fields, <c>data</c> as a JSON
/// string, as Meta's curl examples send) with the dataset's <c>access_token</c> in the body, the header or the query;
/// checks the events as Meta documents (<see cref="ConversionsValidator"/>), records them and answers
/// <c>{"events_received": n, "messages": [], "fbtrace_id": "…"}</c>.
/// </summary>
internal static class ConversionRoutes
{
    private const string BodyItem = "LeadOps.GraphSandbox.ConversionsBody";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapMethods("/{version}/{id}/events", [HttpMethods.Post], async (HttpContext http, string version) =>
        {
            var body = await ReadAsync(http.Request);
            http.Items[BodyItem] = body;
            if (ConversionsValidator.Text(body?["access_token"]) is { } token)
            {
                http.Items[AccessToken.JsonBodyTokenItem] = token;
            }

            await GraphPipeline.RunAsync(http, version, FaultRoutes.Events, ResolveDataset, call => Task.FromResult(Receive(call)));
        });

    private static GraphError? ResolveDataset(GraphCall call) =>
        ConversionsStore.IsDataset(call.PathId!) && call.TokenCheck?.Kind == TokenKind.Dataset ? null : GraphErrors.UnknownObject(call.PathId!, "post");

    private static GraphReply Receive(GraphCall call)
    {
        var body = call.Http.Items[BodyItem] as JsonObject;
        var now = call.State.Now;
        var data = body?["data"] is JsonValue text && text.TryGetValue<string>(out var raw) ? Parse(raw) : body?["data"];
        if (ConversionsValidator.Check(data, now, id => call.State.Leads.Find(id) is not null) is { } error)
        {
            return GraphReply.Fail(error);
        }

        var traceId = TraceIds.Of(call.Http);
        var testCode = ConversionsValidator.Text(body?["test_event_code"]);
        var events = (JsonArray)data!;
        foreach (var e in events.OfType<JsonObject>())
        {
            var custom = e["custom_data"] as JsonObject;
            var leadId = ConversionsValidator.Integer(e["user_data"]?["lead_id"]);
            call.State.Conversions.Received.Add(new ReceivedConversionEvent(
                call.PathId!,
                ConversionsValidator.Text(e["event_name"])!,
                ConversionsValidator.Integer(e["event_time"])!.Value,
                ConversionsValidator.Text(e["action_source"])!,
                leadId?.ToString(CultureInfo.InvariantCulture),
                ConversionsValidator.Text(custom?["event_source"]),
                ConversionsValidator.Text(custom?["lead_event_source"]),
                testCode,
                e.ToJsonString(),
                now,
                traceId));
        }

        return GraphReply.Json(new JsonObject { ["events_received"] = events.Count, ["messages"] = new JsonArray(), ["fbtrace_id"] = traceId });
    }

    private static async Task<JsonObject?> ReadAsync(HttpRequest request)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            var fields = new JsonObject();
            foreach (var (key, value) in form)
            {
                fields[key] = value.ToString();
            }

            return fields;
        }

        try
        {
            return await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static JsonNode? Parse(string raw)
    {
        try
        {
            return JsonNode.Parse(raw);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
