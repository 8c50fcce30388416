using LeadOps.Domain.Outgoing;

namespace LeadOps.Application.Outgoing.Commands;

/// <summary>
/// Staff try one of their set-aside outgoing events again (ADR 0024): its fan-out attempts start afresh and it is due
/// at the worker's next round. Another user's event, or an unknown one, is not found; one that is not set aside (never
/// was, or was tried again already: a form sent twice) is refused and nothing changes.
/// </summary>
public sealed record TryOutgoingEventAgain(Guid EventId) : ICommand<Result<bool>>;

internal sealed class TryOutgoingEventAgainHandler(IOutgoingWebhookStore store) : ICommandHandler<TryOutgoingEventAgain, Result<bool>>
{
    public const string NotFound = "No such outgoing event";
    public const string NotSetAside = "Only an event that was set aside can be tried again";

    public async ValueTask<Result<bool>> Handle(TryOutgoingEventAgain command, CancellationToken cancellationToken)
    {
        if (await store.FindEventAsync(command.EventId, cancellationToken) is not { } e)
        {
            return Result<bool>.NotFound(NotFound);
        }

        if (!e.IsSetAside)
        {
            return Result<bool>.Conflict(NotSetAside, e.ProcessedAt is null
                ? "It is waiting for its next try (it may have been tried again already)."
                : "It was prepared for its endpoints already.");
        }

        e.TryAgain();
        return await store.SaveUnlessChangedAsync(cancellationToken)
            ? Result<bool>.Ok(true)
            : Result<bool>.Conflict(NotSetAside, "It was tried again, or tried by the worker, at the same moment.");
    }
}
