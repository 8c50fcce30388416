using LeadOps.Application.Leads;
using LeadOps.Application.Leads.Commands;
using static LeadOps.Web.Api.Leads.LeadContracts;

namespace LeadOps.Web.Api.Leads;

/// <summary>
/// The house extensions of the brief's retrieval (<c>/api/facebook-lead-retrieval/…</c>): every form of an integration at
/// once, the sync history and the webhook's health. The brief's own <c>POST /api/facebook-lead-retrieval</c> is in Brief/.
/// </summary>
internal static class RetrievalApi
{
    /// <summary>How many welcome e-mails the same retrieval would send (<c>{"welcome_emails": 3, "max_lead_age_hours": 24}</c>).</summary>
    public static async Task<Results<Ok<PreviewResponse>, ProblemHttpResult>> PreviewAsync(PreviewRequest request, ISender sender, CancellationToken ct) =>
        (await sender.Send(new PreviewRetrieval(request.IntegrationId ?? 0, request.FormId ?? string.Empty, request.Since, request.Until), ct))
            .ToHttp(p => TypedResults.Ok(new PreviewResponse(p.WelcomeEmails, p.MaxLeadAge.TotalHours)));

    public static async Task<Ok<FailedDeliveryList>> ListFailedDeliveriesAsync(ISender sender, CancellationToken ct) =>
        TypedResults.Ok(new FailedDeliveryList(await sender.Send(new ListFailedDeliveries(), ct)));

    public static async Task<Results<NoContent, ProblemHttpResult>> RetryDeliveryAsync(long id, ISender sender, CancellationToken ct) =>
        (await sender.Send(new RetryWebhookDelivery(id), ct)).ToHttp(_ => TypedResults.NoContent());

    public static async Task<Results<Ok<BulkResponse>, ProblemHttpResult>> RetrieveBulkAsync(BulkRequest request, ISender sender, CancellationToken ct) =>
        (await sender.Send(new RetrieveFacebookLeadsBulk(request.IntegrationId ?? 0, request.FormIds), ct)).ToHttp(bulk => TypedResults.Ok(BulkResponse.From(bulk)));

    public static async Task<Ok<RunList>> ListRunsAsync(ISender sender, CancellationToken ct) =>
        TypedResults.Ok(new RunList([.. (await sender.Send(new ListRetrievalRuns(), ct)).Select(RunResponse.From)]));

    public static async Task<Results<Ok<RunResponse>, ProblemHttpResult>> GetRunAsync(long id, ISender sender, CancellationToken ct) =>
        (await sender.Send(new GetRetrievalRun(id), ct)).ToHttp(run => TypedResults.Ok(RunResponse.From(run)));

    public static async Task<Ok<WebhookHealthList>> GetWebhookHealthAsync(ISender sender, CancellationToken ct) =>
        TypedResults.Ok(new WebhookHealthList([.. (await sender.Send(new GetWebhookHealth(), ct)).Select(WebhookHealthResponse.From)]));

    internal sealed record BulkRequest(int? IntegrationId, IReadOnlyList<string>? FormIds);

    internal sealed record PreviewRequest(string? FormId, int? IntegrationId, DateTimeOffset? Since, DateTimeOffset? Until);

    internal sealed record PreviewResponse(int WelcomeEmails, double MaxLeadAgeHours);

    internal sealed record FailedDeliveryList(IReadOnlyList<FailedDeliveryView> Deliveries);
}
