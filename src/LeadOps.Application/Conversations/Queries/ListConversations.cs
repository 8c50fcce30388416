namespace LeadOps.Application.Conversations.Queries;

/// <summary>
/// The Inbox list: Needs human first, longest waiting first (or longest waiting across states); filtered by state and
/// page; searched by the customer's name, PSID and message words (ADR 0020); waits coloured by the viewer's thresholds.
/// </summary>
public sealed record ListConversations(
    ConversationState? State = null,
    string? PageId = null,
    int Page = 1,
    int PageSize = ListConversations.DefaultPageSize,
    string? Search = null,
    bool LongestWaiting = false) : IQuery<ConversationPage>
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    /// <summary>The last page that may be asked for: its first row, (page - 1) × the largest page, still fits an int.</summary>
    public const int MaxPage = int.MaxValue / MaxPageSize;
    public const int MaxSearchLength = 100;
}

internal sealed class ListConversationsHandler(IInboxReadModel readModel, IInboxSettings settings, MessengerOptions options, TimeProvider clock)
    : IQueryHandler<ListConversations, ConversationPage>
{
    public async ValueTask<ConversationPage> Handle(ListConversations query, CancellationToken cancellationToken)
    {
        var size = Math.Clamp(query.PageSize, 1, ListConversations.MaxPageSize);
        var page = Math.Clamp(query.Page, 1, ListConversations.MaxPage);
        var pageId = string.IsNullOrWhiteSpace(query.PageId) ? null : query.PageId.Trim();
        var search = string.IsNullOrWhiteSpace(query.Search) ? null : TextLimit.Cut(query.Search.Trim(), ListConversations.MaxSearchLength);
        var (items, total) = await readModel.ListConversationsAsync(new ConversationFilter(query.State, pageId, page, size, search, query.LongestWaiting), cancellationToken);
        var names = await readModel.GetPageNamesAsync(cancellationToken);
        var thresholds = await settings.GetThresholdsAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return new ConversationPage(
            [.. items.Select(c => ConversationView.From(c, names.GetValueOrDefault(c.PageId), now, options, thresholds))],
            total,
            page,
            size,
            [.. names.Select(n => new PageOption(n.Key, n.Value)).OrderBy(p => p.PageName, StringComparer.CurrentCultureIgnoreCase)]);
    }
}
