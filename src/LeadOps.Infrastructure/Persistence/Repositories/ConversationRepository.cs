using System.Linq.Expressions;

namespace LeadOps.Infrastructure.Persistence.Repositories;

internal sealed class ConversationRepository(LeadOpsDbContext db) : IConversationRepository
{
    /// <summary>An echo's claim that the next save makes, with the rows it saves (<see cref="ClaimEchoOnSave"/>).</summary>
    private (long MessageId, string Mid, DateTimeOffset At, Action<EchoClaim> Claimed)? _echoClaim;

    /// <summary>Compiled once (the first read of every reply and Inbox action); the owner filter applies as in any query.</summary>
    private static readonly Func<LeadOpsDbContext, Guid, CancellationToken, Task<Conversation?>> ById =
        EF.CompileAsyncQuery((LeadOpsDbContext context, Guid id, CancellationToken _) => context.Conversations.FirstOrDefault(c => c.Id == id));

    /// <summary>A reply an echo may show sent: one still Sending, or one that failed without Meta saying no.</summary>
    private static readonly Expression<Func<MessengerMessage, bool>> MayBeClaimed = m =>
        m.Status == MessageStatus.Sending || (m.Status == MessageStatus.Failed && (m.FailureKind == SendFailure.Temporary || m.FailureKind == SendFailure.Other));

    public Task<Conversation?> GetAsync(Guid id, CancellationToken cancellationToken) => ById(db, id, cancellationToken);

    public Task<Conversation?> FindAsync(string pageId, string psid, CancellationToken cancellationToken) =>
        db.Conversations.FirstOrDefaultAsync(c => c.PageId == pageId && c.Psid == psid, cancellationToken);

    public Task<Conversation?> FindLatestByPsidAsync(string psid, CancellationToken cancellationToken) =>
        db.Conversations.Where(c => c.Psid == psid).OrderByDescending(c => c.LastMessageAt).FirstOrDefaultAsync(cancellationToken);

    public void Add(Conversation conversation) => db.Conversations.Add(conversation);

    public Task<bool> MessageExistsAsync(string mid, CancellationToken cancellationToken) =>
        db.MessengerMessages.AnyAsync(m => m.Mid == mid, cancellationToken);

    public Task<MessengerMessage?> FindMessageAsync(string mid, CancellationToken cancellationToken) =>
        db.MessengerMessages.FirstOrDefaultAsync(m => m.Mid == mid, cancellationToken);

    public Task<MessengerMessage?> GetMessageAsync(long id, CancellationToken cancellationToken) =>
        db.MessengerMessages.Include(m => m.Attachments).FirstOrDefaultAsync(m => m.Id == id, cancellationToken);

    public Task<StoredFile?> GetStoredFileAsync(Guid id, CancellationToken cancellationToken) =>
        db.StoredFiles.AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, cancellationToken);

    public Task<MessengerMessage?> FindByIdempotencyKeyAsync(string key, CancellationToken cancellationToken) =>
        db.MessengerMessages.AsNoTracking().FirstOrDefaultAsync(m => m.IdempotencyKey == key, cancellationToken);

    public void AddMessage(MessengerMessage message) => db.MessengerMessages.Add(message);

    public async Task<bool> TrySaveAsync(CancellationToken cancellationToken)
    {
        var echoClaim = _echoClaim;
        _echoClaim = null;
        var lost = false;
        try
        {
            if (echoClaim is not { } pending)
            {
                await db.SaveChangesAsync(cancellationToken);
                return true;
            }

            // The claim and what the echo brings (its attachments' copies) commit together or not at all: a failure in
            // between leaves the reply unclaimed, so the delivery's retry finds it again instead of skipping the echo.
            var applied = false;
            await new UnitOfWork(db).SaveChangesAsync(async ct =>
            {
                if (await ClaimReplyAsync(pending.MessageId, pending.Mid, pending.At, ct) is not { } claim)
                {
                    lost = true;
                    throw new InvalidOperationException("The reply was taken by its send answer or another echo first.");
                }

                if (!applied)
                {
                    applied = true;
                    pending.Claimed(claim);
                }
            }, cancellationToken);
            return true;
        }
        catch (InvalidOperationException) when (lost)
        {
            db.ChangeTracker.Clear();
            return false;
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    public void ClaimEchoOnSave(long messageId, string mid, DateTimeOffset at, Action<EchoClaim> claimed) => _echoClaim = (messageId, mid, at, claimed);

    public async Task<bool> TryAddReplyAsync(MessengerMessage message, CancellationToken cancellationToken)
    {
        // The same idempotency key stored first by a twin request: this attempt is forgotten entirely.
        db.MessengerMessages.Add(message);
        return await DbErrors.TrySaveUniqueAsync(db, cancellationToken);
    }

    public async Task<bool> TryClaimRetryAsync(long messageId, ReplyPlan plan, DateTimeOffset at, CancellationToken cancellationToken) =>
        await db.MessengerMessages
            .Where(m => m.Id == messageId && m.Status == MessageStatus.Failed)
            .ExecuteUpdateAsync(
                s => s.SetProperty(m => m.Status, MessageStatus.Sending)
                    .SetProperty(m => m.MessagingType, plan.MessagingType)
                    .SetProperty(m => m.Tag, plan.Tag)
                    .SetProperty(m => m.FailureKind, (SendFailure?)null)
                    .SetProperty(m => m.FailureReason, (string?)null)
                    .SetProperty(m => m.Attempts, m => m.Attempts + 1)
                    .SetProperty(m => m.LastAttemptAt, at),
                cancellationToken) == 1;

    public async Task CompleteSendAsync(long messageId, string mid, DateTimeOffset at, CancellationToken cancellationToken)
    {
        try
        {
            await db.MessengerMessages.Where(m => m.Id == messageId).ExecuteUpdateAsync(
                s => s.SetProperty(m => m.Mid, m => m.Mid ?? mid)
                    .SetProperty(m => m.SentAt, m => m.SentAt ?? at)
                    .SetProperty(m => m.FailureKind, (SendFailure?)null)
                    .SetProperty(m => m.FailureReason, (string?)null)
                    .SetProperty(m => m.Status, m => m.Status == MessageStatus.Sending || m.Status == MessageStatus.Failed ? MessageStatus.Sent : m.Status),
                cancellationToken);
        }
        catch (Exception ex) when (DbErrors.IsUniqueViolation(ex))
        {
            // Meta's id is already on another row (an echo matched the wrong one of two identical texts): keep the status right.
            await db.MessengerMessages.Where(m => m.Id == messageId).ExecuteUpdateAsync(
                s => s.SetProperty(m => m.SentAt, m => m.SentAt ?? at)
                    .SetProperty(m => m.FailureKind, (SendFailure?)null)
                    .SetProperty(m => m.FailureReason, (string?)null)
                    .SetProperty(m => m.Status, m => m.Status == MessageStatus.Sending || m.Status == MessageStatus.Failed ? MessageStatus.Sent : m.Status),
                cancellationToken);
        }
    }

    public async Task<bool> FailSendAsync(long messageId, SendFailure kind, string reason, CancellationToken cancellationToken)
    {
        var text = TextLimit.Cut(reason);
        return await db.MessengerMessages
            .Where(m => m.Id == messageId && m.Status == MessageStatus.Sending)
            .ExecuteUpdateAsync(
                s => s.SetProperty(m => m.Status, MessageStatus.Failed)
                    .SetProperty(m => m.FailureKind, kind)
                    .SetProperty(m => m.FailureReason, text),
                cancellationToken) == 1;
    }

    public async Task<bool> KeepSendingAsync(long messageId, CancellationToken cancellationToken) =>
        await db.MessengerMessages
            .Where(m => m.Id == messageId && m.Status == MessageStatus.Sending)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, MessageStatus.Sending), cancellationToken) == 1;

    public async Task<EchoTakenBack?> FailUnsentAsync(long messageId, SendFailure kind, string reason, CancellationToken cancellationToken)
    {
        var text = TextLimit.Cut(reason);
        while (true)
        {
            // An echo's claim gives an id to a reply that has none, and nothing changes it after: the reply fails as it was
            // read, and if a claim came in between, it is read again (once: the id it gave stays).
            var seen = await db.MessengerMessages.AsNoTracking().Where(m => m.Id == messageId).Select(m => new { m.Mid, m.SentAt }).FirstAsync(cancellationToken);
            var failed = await db.MessengerMessages
                .Where(m => m.Id == messageId && m.Mid == seen.Mid)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(m => m.Status, MessageStatus.Failed)
                        .SetProperty(m => m.FailureKind, kind)
                        .SetProperty(m => m.FailureReason, text)
                        .SetProperty(m => m.Mid, (string?)null)
                        .SetProperty(m => m.SentAt, (DateTimeOffset?)null)
                        .SetProperty(m => m.DeliveredAt, (DateTimeOffset?)null)
                        .SetProperty(m => m.ReadAt, (DateTimeOffset?)null),
                    cancellationToken) == 1;
            if (failed)
            {
                return seen.Mid is { } mid ? new EchoTakenBack(mid, seen.SentAt) : null;
            }
        }
    }

    public Task<long?> FindEchoClaimAsync(Guid conversationId, string text, long? namedReply, CancellationToken cancellationToken)
    {
        var replies = db.MessengerMessages.AsNoTracking()
            .Where(m => m.ConversationId == conversationId && m.Direction == MessageDirection.Outbound && m.Sender == MessageSender.Staff && m.Mid == null);
        return (namedReply is { } named ? replies.Where(m => m.Id == named) : replies.Where(m => m.Text == text))
            .Where(MayBeClaimed)
            .OrderBy(m => m.Status == MessageStatus.Sending ? 0 : 1) // a reply waiting for Meta's word before an older one Meta refused
            .ThenBy(m => m.Id)
            .Select(m => (long?)m.Id)
            .FirstOrDefaultAsync(cancellationToken);
    }

    private async Task<EchoClaim?> ClaimReplyAsync(long id, string mid, DateTimeOffset at, CancellationToken cancellationToken)
    {
        try
        {
            // The send's failure may commit between the read and the claim: what the reply was comes from the update
            // that claimed it, Sending first, then a failure after which Meta may have it.
            if (await ClaimAsync(id, MessageStatus.Sending, mid, at, cancellationToken))
            {
                return new EchoClaim(id, WasFailed: false);
            }

            return await ClaimAsync(id, MessageStatus.Failed, mid, at, cancellationToken) ? new EchoClaim(id, WasFailed: true) : null;
        }
        catch (Exception ex) when (DbErrors.IsUniqueViolation(ex))
        {
            return null;
        }
    }

    private async Task<bool> ClaimAsync(long id, MessageStatus status, string mid, DateTimeOffset at, CancellationToken cancellationToken) =>
        await db.MessengerMessages.Where(m => m.Id == id && m.Mid == null && m.Status == status).Where(MayBeClaimed).ExecuteUpdateAsync(
            s => s.SetProperty(m => m.Mid, mid)
                .SetProperty(m => m.SentAt, m => m.SentAt ?? at)
                .SetProperty(m => m.FailureKind, (SendFailure?)null)
                .SetProperty(m => m.FailureReason, (string?)null)
                .SetProperty(m => m.Status, MessageStatus.Sent),
            cancellationToken) == 1;

    public async Task<int> ApplyReceiptAsync(Guid conversationId, MessageStatus receipt, IReadOnlyCollection<string> mids, DateTimeOffset? watermark, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (receipt is not (MessageStatus.Delivered or MessageStatus.Read) || (mids.Count == 0 && watermark is null))
        {
            return 0;
        }

        var query = db.MessengerMessages
            .Where(m => m.ConversationId == conversationId && m.Direction == MessageDirection.Outbound)
            .Where(MessengerMessage.MovedForwardBy(receipt));
        var ids = mids.ToList();
        query = (ids.Count, watermark) switch
        {
            ( > 0, { } w) => query.Where(m => (m.Mid != null && ids.Contains(m.Mid)) || m.At <= w),
            ( > 0, null) => query.Where(m => m.Mid != null && ids.Contains(m.Mid)),
            (_, { } w) => query.Where(m => m.At <= w),
            _ => query,
        };

        var read = receipt == MessageStatus.Read;
        return await query.ExecuteUpdateAsync(
            s => s.SetProperty(m => m.Status, receipt)
                .SetProperty(m => m.DeliveredAt, m => m.DeliveredAt ?? at)
                .SetProperty(m => m.ReadAt, m => read ? m.ReadAt ?? at : m.ReadAt),
            cancellationToken);
    }
}
