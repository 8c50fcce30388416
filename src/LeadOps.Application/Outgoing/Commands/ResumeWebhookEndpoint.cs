using LeadOps.Domain.Outgoing;

namespace LeadOps.Application.Outgoing.Commands;

/// <summary>Resumes a paused endpoint: what waited for it (and what failed) is sent again now.</summary>
public sealed record ResumeWebhookEndpoint(int Id) : IWebhookEndpointCommand<bool>;

internal sealed class ResumeWebhookEndpointHandler(IOutgoingWebhookStore store, IUnitOfWork unitOfWork, TimeProvider clock)
    : WebhookEndpointHandlerBase<ResumeWebhookEndpoint, bool>(store, unitOfWork)
{
    protected override async Task<bool> ActAsync(ResumeWebhookEndpoint command, WebhookEndpoint endpoint, CancellationToken cancellationToken)
    {
        endpoint.Resume();
        await Store.RequeueAsync(endpoint.Id, clock.GetUtcNow(), cancellationToken);
        return true;
    }
}
