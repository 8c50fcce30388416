using LeadOps.Application.Leads.Commands;
using static LeadOps.Web.Api.Leads.LeadContracts;

namespace LeadOps.Web.Api.Leads;

/// <summary>
/// The house extensions of the brief's retrieval (<c>/api/facebook-lead-retrieval/…</c>): every form of an integration at
/// once, the sync history and the webhook's health. The brief's own <c>POST /api/facebook-lead-retrieval</c> is in Brief/.
/// </summary>
internal static class RetrievalApi
{
    public static void MapRetrievalApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/facebook-lead-retrieval");
        group.MapPost("/bulk", RetrieveBulkAsync);
        group.MapGet("/runs", ListRunsAsync);
        group.MapGet("/runs/{id:long}", GetRunAsync);
        group.MapGet("/webhook-health", GetWebhookHealthAsync);
    }

    public static async Task<Results<Ok<BulkResponse>, ProblemHttpResult>> RetrieveBulkAsync(BulkRequest request, ISender sender, CancellationToken ct) =>
        (await sender.Send(new RetrieveFacebookLeadsBulk(request.IntegrationId ?? 0, request.FormIds), ct)).ToHttp(bulk => TypedResults.Ok(BulkResponse.From(bulk)));

    public static async Task<Ok<RunList>> ListRunsAsync(ISender sender, CancellationToken ct) =>
        TypedResults.Ok(new RunList([.. (await sender.Send(new ListRetrievalRuns(), ct)).Select(RunResponse.From)]));

    public static async Task<Results<Ok<RunResponse>, ProblemHttpResult>> GetRunAsync(long id, ISender sender, CancellationToken ct) =>
        (await sender.Send(new GetRetrievalRun(id), ct)).ToHttp(run => TypedResults.Ok(RunResponse.From(run)));

    public static async Task<Ok<WebhookHealthList>> GetWebhookHealthAsync(ISender sender, CancellationToken ct) =>
        TypedResults.Ok(new WebhookHealthList([.. (await sender.Send(new GetWebhookHealth(), ct)).Select(WebhookHealthResponse.From)]));

    internal sealed record BulkRequest(int? IntegrationId, IReadOnlyList<string>? FormIds);
}
