namespace LeadOps.Application.Outgoing.Queries;

/// <summary>The user's outgoing events that were set aside (newest first, at most 50): staff may try each again.</summary>
public sealed record ListSetAsideEvents : IQuery<IReadOnlyList<SetAsideEventView>>;

internal sealed class ListSetAsideEventsHandler(IOutgoingWebhookStore store) : IQueryHandler<ListSetAsideEvents, IReadOnlyList<SetAsideEventView>>
{
    public async ValueTask<IReadOnlyList<SetAsideEventView>> Handle(ListSetAsideEvents query, CancellationToken cancellationToken) =>
        await store.ListSetAsideAsync(50, cancellationToken);
}
