using LeadOps.Application.Account.Commands;
using LeadOps.Application.Account.Queries;

namespace LeadOps.Web.Api;

/// <summary>Personal API keys over JSON: list, create (the key is in the answer once), revoke.</summary>
internal static class AccountApi
{
    public static void MapAccountApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/api-keys");

        group.MapGet("/", async (IMediator mediator, CancellationToken ct) =>
            Results.Ok(new { api_keys = (await mediator.Send(new ListApiKeys(), ct)).Select(k => new
            {
                id = k.Id,
                name = k.Name,
                prefix = k.Prefix,
                created_at = k.CreatedAt,
                last_used_at = k.LastUsedAt,
                revoked_at = k.RevokedAt,
            }) }));

        group.MapPost("/", async (CreateApiKeyRequest request, IMediator mediator, CancellationToken ct) =>
        {
            var created = await mediator.Send(new CreateApiKey(request.Name ?? string.Empty), ct);
            return Results.Created($"/api/api-keys/{created.Id}", new { id = created.Id, name = created.Name, key = created.Key });
        });

        group.MapDelete("/{id:guid}", async (Guid id, IMediator mediator, CancellationToken ct) =>
            (await mediator.Send(new RevokeApiKey(id), ct)).Status == ResultStatus.Ok
                ? Results.NoContent()
                : Results.NotFound(new { error = "API key not found" }));
    }

    internal sealed record CreateApiKeyRequest(string? Name);
}
