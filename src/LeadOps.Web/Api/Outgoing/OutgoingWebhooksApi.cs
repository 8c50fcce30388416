using LeadOps.Application.Outgoing.Commands;
using LeadOps.Application.Outgoing.Queries;
using LeadOps.Domain.Outgoing;

namespace LeadOps.Web.Api.Outgoing;

/// <summary>
/// <c>/api/webhook-endpoints</c>: the user's outgoing webhook endpoints (the secret is in the create answer once),
/// their delivery log, a test event, resume after a pause; and <c>/api/integrations/{id}/alerts</c>.
/// </summary>
internal static class OutgoingWebhooksApi
{
    public static async Task<Ok<EndpointList>> ListAsync(ISender sender, CancellationToken ct) =>
        TypedResults.Ok(new EndpointList(await sender.Send(new ListWebhookEndpoints(), ct)));

    public static async Task<Created<CreatedWebhookEndpoint>> CreateAsync(CreateEndpointRequest request, ISender sender, HttpResponse response, CancellationToken ct)
    {
        var created = await sender.Send(new RegisterWebhookEndpoint(request.Url ?? string.Empty, request.Events ?? [], request.Description), ct);
        response.Headers.CacheControl = "no-store"; // the answer holds the secret
        return TypedResults.Created($"/api/webhook-endpoints/{created.Id}", created);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(int id, ISender sender, CancellationToken ct) =>
        (await sender.Send(new DeleteWebhookEndpoint(id), ct)).ToHttp(_ => TypedResults.NoContent());

    public static async Task<Results<Accepted<TestEventResponse>, ProblemHttpResult>> TestAsync(int id, ISender sender, CancellationToken ct) =>
        (await sender.Send(new SendTestWebhook(id), ct)).ToHttp(eventId => TypedResults.Accepted((string?)null, new TestEventResponse(eventId)));

    public static async Task<Results<NoContent, ProblemHttpResult>> ResumeAsync(int id, ISender sender, CancellationToken ct) =>
        (await sender.Send(new ResumeWebhookEndpoint(id), ct)).ToHttp(_ => TypedResults.NoContent());

    public static async Task<Results<Ok<AlertSettings>, ProblemHttpResult>> SetAlertsAsync(int id, AlertSettings request, ISender sender, CancellationToken ct)
    {
        if (!WireJson.TryParse<LeadAlertMode>(request.Leads ?? string.Empty, out var mode))
        {
            return ApiResults.BadRequest("leads must be none, each_lead or hourly_digest.");
        }

        return (await sender.Send(new SetIntegrationAlerts(id, mode, request.Escalations ?? true), ct))
            .ToHttp(_ => TypedResults.Ok(request with { Escalations = request.Escalations ?? true }));
    }

    internal sealed record CreateEndpointRequest(string? Url, IReadOnlyList<string>? Events, string? Description);

    internal sealed record EndpointList(IReadOnlyList<WebhookEndpointView> Endpoints);

    internal sealed record TestEventResponse(Guid EventId);

    internal sealed record AlertSettings(string? Leads, bool? Escalations);
}
