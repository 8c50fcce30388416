namespace LeadOps.Infrastructure.Conversations;

/// <summary>
/// The Inbox's queries, untracked and owner-filtered. The list reads the (owner, state, Inbox order) index in order; the thread
/// the (conversation, time) index, then its messages' attachments by (message, position); every page is a count and a few
/// queries, never one query per row.
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

        if (filter.Search is { } search)
        {
            // Each word begins one of the conversation's indexed words (name, PSID, messages): a range on the
            // (owner, term) index per word, never a read of the messages (ADR 0020).
            foreach (var word in SearchText.SearchWords(search))
            {
                var after = SearchText.AfterPrefix(word);
                var matching = db.ConversationSearchTerms
                    .Where(t => string.Compare(t.Term, word) >= 0 && string.Compare(t.Term, after) < 0)
                    .Select(t => t.ConversationId);
                query = query.Where(c => matching.Contains(c.Id));
            }
        }

        var total = await query.CountAsync(cancellationToken);
        var ordered = filter.LongestWaiting
            ? query.OrderBy(c => c.InboxOrder).ThenBy(c => c.Id)
            : query.OrderBy(c => c.State).ThenBy(c => c.InboxOrder).ThenBy(c => c.Id);
        var items = await ordered
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
        if (newest.Count > 0)
        {
            // One query for the attachments of the whole page of messages (not a join that repeats each message).
            var ids = newest.Select(m => m.Id).ToList();
            var byMessage = (await db.MessageAttachments.AsNoTracking().Where(a => ids.Contains(a.MessageId)).ToListAsync(cancellationToken))
                .ToLookup(a => a.MessageId);
            foreach (var message in newest.Where(m => byMessage.Contains(m.Id)))
            {
                message.Attachments.AddRange(byMessage[message.Id].OrderBy(a => a.Position));
            }
        }

        return (newest, total);
    }

    public async Task<ThreadExtras> GetThreadExtrasAsync(Guid conversationId, IReadOnlyList<MessengerMessage> messages, CancellationToken cancellationToken)
    {
        var quotes = new Dictionary<string, QuotedMessage>(StringComparer.Ordinal);
        var wanted = messages.Where(m => m.ReplyToMid is not null).Select(m => m.ReplyToMid!).Distinct().ToList();
        foreach (var shown in messages.Where(m => m.Mid is not null && wanted.Contains(m.Mid)))
        {
            quotes[shown.Mid!] = new QuotedMessage(shown.Mid!, shown.Preview, InboxText.Sender(shown));
        }

        var missing = wanted.Where(m => !quotes.ContainsKey(m)).ToList();
        if (missing.Count > 0)
        {
            foreach (var older in await db.MessengerMessages.AsNoTracking().Where(m => m.ConversationId == conversationId && missing.Contains(m.Mid!)).ToListAsync(cancellationToken))
            {
                quotes[older.Mid!] = new QuotedMessage(older.Mid!, older.Preview, InboxText.Sender(older));
            }
        }

        var fileIds = messages.SelectMany(m => m.Attachments).Where(a => a.StoredFileId is not null).Select(a => a.StoredFileId!.Value).Distinct().ToList();
        var files = fileIds.Count == 0
            ? new Dictionary<Guid, StoredFile>()
            : await db.StoredFiles.AsNoTracking().Where(f => fileIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, cancellationToken);
        return new ThreadExtras(quotes, files);
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

    public async Task<LeadLink?> FindLeadByAdAsync(string adId, CancellationToken cancellationToken) =>
        await db.Leads.AsNoTracking()
            .Where(l => l.AdId == adId)
            .OrderByDescending(l => l.CreatedTime).ThenByDescending(l => l.Id)
            .Select(l => new LeadLink(l.Id, l.FullName ?? l.Email ?? l.Phone ?? l.FacebookLeadId))
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<string?> GetMessagingRefusalAsync(int integrationId, CancellationToken cancellationToken) =>
        (await db.Integrations.AsNoTracking().FirstOrDefaultAsync(i => i.Id == integrationId, cancellationToken))?.MessagingRefusal;

    public Task<StoredFile?> GetStoredFileAsync(Guid id, CancellationToken cancellationToken) =>
        db.StoredFiles.AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, cancellationToken);
}
