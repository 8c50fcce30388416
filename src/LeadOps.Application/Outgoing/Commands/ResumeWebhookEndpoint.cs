namespace LeadOps.Application.Outgoing.Commands;

/// <summary>Resumes a paused endpoint: what waited for it (and what failed) is sent again now.</summary>
public sealed record ResumeWebhookEndpoint(int Id) : ICommand<Result<bool>>;

internal sealed class ResumeWebhookEndpointHandler(IOutgoingWebhookStore store, IUnitOfWork unitOfWork, TimeProvider clock) : ICommandHandler<ResumeWebhookEndpoint, Result<bool>>
{
    public async ValueTask<Result<bool>> Handle(ResumeWebhookEndpoint command, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(command.Id, cancellationToken) is not { } endpoint)
        {
            return Result<bool>.NotFound("No such webhook endpoint.");
        }

        endpoint.Resume();
        await store.RequeueAsync(endpoint.Id, clock.GetUtcNow(), cancellationToken);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Result<bool>.Ok(true);
    }
}
