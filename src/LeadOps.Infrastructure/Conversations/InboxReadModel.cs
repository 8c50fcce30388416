namespace LeadOps.Infrastructure.Conversations;

/// <summary>
/// The Inbox's queries, untracked and owner-filtered. The list reads the (owner, state, Inbox order) index in order; the thread
/// the (conversation, time) index; every page is a count and one query, never one query per row.
/// </summary>
internal sealed class InboxReadModel(LeadOpsDbContext db) : IInboxReadModel
{
    public async Task<(IReadOnlyList<Conversation> Items, int Total)> ListConversationsAsync(ConversationFilter filter, CancellationToken cancellationToken)
    {
        var query = db.Conversations.AsNoTracking();
        if (filter.State is { } state)
        {
            query = query.Where(c => c.State == state);
        }

        if (filter.PageId is { } pageId)
        {
            query = query.Where(c => c.PageId == pageId);
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query
            .OrderBy(c => c.State)
            .ThenBy(c => c.InboxOrder)
            .ThenBy(c => c.Id)
            .Skip((filter.Page - 1) * filter.PageSize)
            .Take(filter.PageSize)
            .ToListAsync(cancellationToken);
        return (items, total);
    }

    public Task<Conversation?> GetConversationAsync(Guid id, CancellationToken cancellationToken) =>
        db.Conversations.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);

    public async Task<(IReadOnlyList<MessengerMessage> Messages, int Total)> GetThreadAsync(Guid conversationId, int limit, CancellationToken cancellationToken)
    {
        var query = db.MessengerMessages.AsNoTracking().Where(m => m.ConversationId == conversationId);
        var total = await query.CountAsync(cancellationToken);
        var newest = await query.OrderByDescending(m => m.At).ThenByDescending(m => m.Id).Take(limit).ToListAsync(cancellationToken);
        newest.Reverse();
        return (newest, total);
    }

    public async Task<IReadOnlyDictionary<string, string>> GetPageNamesAsync(CancellationToken cancellationToken)
    {
        var pages = await db.Integrations.AsNoTracking()
            .OrderBy(i => i.Id)
            .Select(i => new { i.PageId, i.PageName })
            .ToListAsync(cancellationToken);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var page in pages)
        {
            names.TryAdd(page.PageId, page.PageName);
        }

        return names;
    }

    public async Task<(IReadOnlyList<AuditRow> Items, int Total)> ListAuditAsync(int page, int pageSize, CancellationToken cancellationToken)
    {
        var query = db.AuditEntries.AsNoTracking();
        var total = await query.CountAsync(cancellationToken);
        var rows = await query
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .Select(a => new { Entry = a, Name = db.Users.Where(u => u.Id == a.ActorId).Select(u => u.Email ?? u.UserName).FirstOrDefault() })
            .ToListAsync(cancellationToken);
        return ([.. rows.Select(r => new AuditRow(r.Entry, r.Name))], total);
    }
}
