namespace LeadOps.Application.Conversations.Queries;

/// <summary>The acting user's pages whose Messenger events are held until they reconnect the page: the Inbox's banner.</summary>
public sealed record ListHeldPages : IQuery<IReadOnlyList<HeldPage>>;

internal sealed class ListHeldPagesHandler(IHeldMessengerEvents held) : IQueryHandler<ListHeldPages, IReadOnlyList<HeldPage>>
{
    public async ValueTask<IReadOnlyList<HeldPage>> Handle(ListHeldPages query, CancellationToken cancellationToken) =>
        await held.ListAsync(cancellationToken);
}
