using LeadOps.Application.Integrations.Commands;
using LeadOps.Application.Integrations.Queries;
using static LeadOps.Web.Api.Integrations.IntegrationContracts;

namespace LeadOps.Web.Api.Integrations;

/// <summary><c>/api/integrations</c>: list, connect, read, test, subscribe, delete (API key or cookie).</summary>
internal static class IntegrationsApi
{
    public static async Task<Ok<IntegrationList>> ListAsync(ISender sender, CancellationToken ct) =>
        TypedResults.Ok(new IntegrationList([.. (await sender.Send(new ListIntegrations(), ct)).Select(IntegrationResponse.From)]));

    public static async Task<Results<Created<IntegrationResponse>, ProblemHttpResult>> ConnectAsync(ConnectRequest request, ISender sender, CancellationToken ct) =>
        (await sender.Send(new ConnectIntegration(request.PageAccessToken ?? string.Empty, request.Name), ct))
            .ToHttp(view => TypedResults.Created($"/api/integrations/{view.Id}", IntegrationResponse.From(view)));

    public static async Task<Results<Ok<IntegrationResponse>, ProblemHttpResult>> GetAsync(int id, ISender sender, CancellationToken ct) =>
        (await sender.Send(new GetIntegration(id), ct)).ToHttp(view => TypedResults.Ok(IntegrationResponse.From(view)));

    public static async Task<Results<Ok<TestResponse>, ProblemHttpResult>> TestAsync(int id, ISender sender, CancellationToken ct) =>
        (await sender.Send(new TestIntegration(id), ct)).ToHttp(test => TypedResults.Ok(TestResponse.From(test)));

    public static async Task<Results<Ok<IntegrationResponse>, ProblemHttpResult>> SubscribeAsync(int id, ISender sender, CancellationToken ct) =>
        (await sender.Send(new SubscribeWebhooks(id), ct)).ToHttp(view => TypedResults.Ok(IntegrationResponse.From(view)));

    /// <summary>Creates a test lead on the form through Graph; the integration's answer then shows when and how it arrived.</summary>
    public static async Task<Results<Ok<IntegrationResponse>, ProblemHttpResult>> SendTestLeadAsync(int id, string formId, ISender sender, CancellationToken ct) =>
        (await sender.Send(new SendTestLead(id, formId), ct)).ToHttp(view => TypedResults.Ok(IntegrationResponse.From(view)));

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(int id, ISender sender, CancellationToken ct) =>
        (await sender.Send(new DeleteIntegration(id), ct)).ToHttp(_ => TypedResults.NoContent());
}
