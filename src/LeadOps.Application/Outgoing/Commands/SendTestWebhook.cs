using LeadOps.Domain.Outgoing;

namespace LeadOps.Application.Outgoing.Commands;

/// <summary>Queues a sample event (a made-up lead, <c>"test": true</c>) for one endpoint; its outcome shows in the log.</summary>
public sealed record SendTestWebhook(int Id) : ICommand<Result<Guid>>;

internal sealed class SendTestWebhookHandler(IOutgoingWebhookStore store, IUnitOfWork unitOfWork, TimeProvider clock) : ICommandHandler<SendTestWebhook, Result<Guid>>
{
    public async ValueTask<Result<Guid>> Handle(SendTestWebhook command, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(command.Id, cancellationToken) is not { } endpoint)
        {
            return Result<Guid>.NotFound("No such webhook endpoint.");
        }

        var now = clock.GetUtcNow();
        var body = WebhookBody.Sample(now);
        store.AddDelivery(OutgoingDelivery.For(endpoint.Id, body.Id, OutgoingEventNames.Test, body.Serialize(), now));
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Result<Guid>.Ok(body.Id);
    }
}
