namespace LeadOps.Application.Outgoing.Queries;

/// <summary>
/// The user's outgoing events that were set aside, a page at a time (newest first, <see cref="DefaultPageSize"/> a page),
/// with how many there are: staff may try each again, however many there are. A page past the end is the last one.
/// </summary>
public sealed record ListSetAsideEvents(int Page = 1, int PageSize = ListSetAsideEvents.DefaultPageSize) : IQuery<SetAsideEventPage>
{
    public const int DefaultPageSize = 50;
}

internal sealed class ListSetAsideEventsHandler(IOutgoingWebhookStore store) : IQueryHandler<ListSetAsideEvents, SetAsideEventPage>
{
    public async ValueTask<SetAsideEventPage> Handle(ListSetAsideEvents query, CancellationToken cancellationToken)
    {
        var size = Math.Clamp(query.PageSize, 1, 500);
        var page = Math.Clamp(query.Page, 1, int.MaxValue / size); // its first row, (page - 1) × size, fits an int
        var (items, total) = await store.ListSetAsideAsync((page - 1) * size, size, cancellationToken);
        var last = Math.Max(1, (total + size - 1) / size);
        if (page > last)
        {
            // Past the end (the last one on the last page was just tried again, or a stale link): the last page there is.
            page = last;
            (items, total) = await store.ListSetAsideAsync((page - 1) * size, size, cancellationToken);
        }

        return new SetAsideEventPage(items, total, page, size);
    }
}
