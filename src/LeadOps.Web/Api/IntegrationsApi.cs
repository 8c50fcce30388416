using System.Text.Json.Serialization;
using LeadOps.Application.Integrations;
using LeadOps.Application.Integrations.Commands;
using LeadOps.Application.Integrations.Queries;
using LeadOps.Domain.Integrations;

namespace LeadOps.Web.Api;

/// <summary><c>/api/integrations</c>: list, connect, test, delete (API key or cookie).</summary>
internal static class IntegrationsApi
{
    public static void MapIntegrationsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/integrations");

        group.MapGet("/", async (IMediator mediator, CancellationToken ct) =>
            Results.Ok(new { integrations = (await mediator.Send(new ListIntegrations(), ct)).Select(Json) }));

        group.MapPost("/", async (ConnectRequest request, IMediator mediator, CancellationToken ct) =>
            ApiResults.From(
                await mediator.Send(new ConnectIntegration(request.PageAccessToken ?? string.Empty, request.Name), ct),
                view => Results.Created($"/api/integrations/{view.Id}", Json(view))));

        group.MapGet("/{id:int}", async (int id, IMediator mediator, CancellationToken ct) =>
            ApiResults.From(await mediator.Send(new GetIntegration(id), ct), view => Results.Ok(Json(view))));

        group.MapPost("/{id:int}/test", async (int id, IMediator mediator, CancellationToken ct) =>
            ApiResults.From(await mediator.Send(new TestIntegration(id), ct), result => Results.Ok(new
            {
                method = result.Method,
                token_valid = result.TokenValid,
                token_expires_at = result.ExpiresAt,
                granted_scopes = result.GrantedScopes,
                missing_permissions = result.MissingPermissions,
                subscribed_fields = result.SubscribedFields,
                webhook_subscribed = result.WebhookSubscribed,
                error = result.Error,
                integration = Json(result.Integration),
            })));

        group.MapPost("/{id:int}/subscribe", async (int id, IMediator mediator, CancellationToken ct) =>
            ApiResults.From(await mediator.Send(new SubscribeWebhooks(id), ct), view => Results.Ok(Json(view))));

        group.MapDelete("/{id:int}", async (int id, IMediator mediator, CancellationToken ct) =>
            ApiResults.From(await mediator.Send(new DeleteIntegration(id), ct), _ => Results.NoContent()));
    }

    public static string StatusCode(IntegrationStatus status) => status switch
    {
        IntegrationStatus.NeedsReconnect => "needs_reconnect",
        IntegrationStatus.MissingPermission => "missing_permission",
        IntegrationStatus.Expiring => "expiring",
        IntegrationStatus.Disabled => "disabled",
        _ => "active",
    };

    private static object Json(IntegrationView i) => new
    {
        id = i.Id,
        name = i.Name,
        page_id = i.PageId,
        page_name = i.PageName,
        status = StatusCode(i.Status),
        status_text = i.StatusText,
        token_last4 = i.TokenLast4,
        token_expires_at = i.TokenExpiresAt,
        missing_permissions = i.MissingPermissions,
        webhook_subscribed = i.WebhookSubscribed,
        last_error = i.LastError,
        last_checked_at = i.LastCheckedAt,
        forms = i.Forms.Select(f => new { id = f.FormId, name = f.Name, status = f.Status, leads_count = f.LeadsCount, sync_enabled = f.SyncEnabled, sync_interval_minutes = f.SyncIntervalMinutes }),
    };

    internal sealed record ConnectRequest(
        [property: JsonPropertyName("page_access_token")] string? PageAccessToken,
        [property: JsonPropertyName("name")] string? Name);
}
