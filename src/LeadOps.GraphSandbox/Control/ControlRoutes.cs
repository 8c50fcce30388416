using System.Net;
using System.Text.Json.Serialization;

namespace LeadOps.GraphSandbox;

/// <summary>
/// The control API under <c>/_sandbox</c>: JSON, no auth, loopback only, and never from another site's page
/// (<see cref="CrossOriginGuard"/>). Lets tests and the demo drive the sandbox from outside the process (submit leads,
/// faults, reset; the Lead Ads variants are in <see cref="LeadControlRoutes"/>, what customers do on Messenger in
/// <see cref="MessengerControlRoutes"/>) and read what happened.
/// </summary>
internal static class ControlRoutes
{
    /// <summary>Graph's JSON conventions, but enums by their C# names (<c>"kind":"Throttle"</c>), as tests write them.</summary>
    internal static readonly JsonSerializerOptions Json = GraphJson.SnakeCase(new JsonStringEnumConverter());

    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/_sandbox").AddEndpointFilter(async (context, next) =>
        {
            var remote = context.HttpContext.Connection.RemoteIpAddress;
            if (remote is not null && !IPAddress.IsLoopback(remote))
            {
                return Results.Json(new ControlError("The sandbox control API answers loopback callers only."), Json, statusCode: 403);
            }

            if (CrossOriginGuard.IsCrossOrigin(context.HttpContext.Request) && !CrossOriginGuard.IsConsoleNavigation(context.HttpContext.Request))
            {
                return Results.Json(new ControlError(CrossOriginGuard.Refused), Json, statusCode: 403);
            }

            try
            {
                return await next(context);
            }
            catch (ArgumentException ex)
            {
                return Results.Json(new ControlError(ex.Message), Json, statusCode: 400);
            }
            catch (JsonException ex)
            {
                return Results.Json(new ControlError("Invalid JSON: " + ex.Message), Json, statusCode: 400);
            }
        });

        group.MapGet("/", (HttpContext http, SandboxState state) =>
        {
            http.Response.Headers.ContentSecurityPolicy = ControlPage.ContentSecurityPolicy;
            http.Response.Headers.XFrameOptions = "DENY";
            return Results.Content(ControlPage.Render(state), "text/html; charset=utf-8");
        });

        group.MapPost("/forms/{formId}/leads", async (HttpContext http, SandboxState state, string formId) =>
        {
            using var document = await ReadJsonAsync(http);
            var root = document.RootElement;
            var count = root.TryGetProperty("count", out var c) && c.TryGetInt32(out var n) ? n : 1;
            var createdTime = root.TryGetProperty("created_time", out var t) ? ParseTime(t) : null;
            var ids = state.SubmitLeads(formId, count, createdTime);
            return Results.Json(new SubmittedLeads(ids), Json);
        });

        group.MapPost("/faults", async (HttpContext http, SandboxState state) =>
        {
            var rule = await JsonSerializer.DeserializeAsync<FaultRule>(http.Request.Body, Json, http.RequestAborted)
                ?? throw new ArgumentException("A fault rule is required.");
            state.SetFault(rule);
            return Results.Json(state.Faults, Json, statusCode: 201);
        });

        group.MapDelete("/faults", (SandboxState state) =>
        {
            state.ClearFaults();
            return Results.NoContent();
        });

        group.MapGet("/faults", (SandboxState state) => Results.Json(state.Faults, Json));
        group.MapGet("/sent", (SandboxState state) => Results.Json(state.SentMessages, Json));
        group.MapGet("/requests", (SandboxState state) => Results.Json(state.Requests, Json));
        group.MapGet("/webhooks", (SandboxState state) => Results.Json(state.WebhookDeliveries, Json));
        group.MapGet("/conversions/events", (SandboxState state) => Results.Json(state.ConversionEvents, Json));
        group.MapGet("/state", (SandboxState state) => Results.Json(state.GetSummary(), Json));

        group.MapPost("/reset", (SandboxState state) =>
        {
            state.Reset();
            return Results.NoContent();
        });

        group.MapPost("/pages/{pageId}/token-expired", (SandboxState state, string pageId) =>
        {
            state.SetTokenExpired(pageId);
            return Results.NoContent();
        });

        group.MapPost("/pages/{pageId}/subscribed", async (HttpContext http, SandboxState state, string pageId) =>
        {
            using var document = await ReadJsonAsync(http);
            var subscribed = !document.RootElement.TryGetProperty("subscribed", out var s) || s.ValueKind != JsonValueKind.False;
            state.SetSubscribed(pageId, subscribed);
            return Results.NoContent();
        });

        group.MapPost("/webhooks/drop-rate", async (HttpContext http, SandboxState state) =>
        {
            using var document = await ReadJsonAsync(http);
            state.SetWebhookDropRate(document.RootElement.TryGetProperty("rate", out var r) && r.TryGetDouble(out var rate) ? rate : throw new ArgumentException("\"rate\" (0..1) is required."));
            return Results.NoContent();
        });

        group.MapGet("/console.js", () => Results.Text(ConsoleScript.Text, "text/javascript; charset=utf-8"));
        group.MapGet("/favicon.svg", () => Results.Text(ConsoleIcon.Svg, "image/svg+xml"));

        LeadControlRoutes.Map(group);
        MessengerControlRoutes.Map(group);
    }

    internal static async Task<JsonDocument> ReadJsonAsync(HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body);
        var text = await reader.ReadToEndAsync(http.RequestAborted);
        var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(text) ? "{}" : text);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            throw new ArgumentException("The body must be a JSON object.");
        }

        return document;
    }

    /// <summary>An ISO-8601 time or unix seconds.</summary>
    internal static DateTimeOffset? ParseTime(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.Number when value.TryGetInt64(out var unix) => DateTimeOffset.FromUnixTimeSeconds(unix),
        JsonValueKind.String when DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) => time,
        JsonValueKind.String when DateTimeOffset.TryParseExact(value.GetString(), "yyyy-MM-dd'T'HH:mm:ss'+0000'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var graphTime) => graphTime,
        _ => throw new ArgumentException("created_time must be an ISO-8601 time or unix seconds."),
    };

    private sealed record ControlError(string Error);

    private sealed record SubmittedLeads(IReadOnlyList<string> Ids);

}
