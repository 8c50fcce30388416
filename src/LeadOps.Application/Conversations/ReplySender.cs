namespace LeadOps.Application.Conversations;

/// <summary>
/// Sends a staff member's reply through the Send API, server-side: the window decides RESPONSE or the HUMAN_AGENT tag
/// (or a refusal before Meta is called); the message is stored as Sending first, under its idempotency key, so a double
/// click or a retry can never send twice; then the outcome is recorded on the conversation, whose events write the
/// audit row and push the change to the Inbox (ADR 0008): the status, the conversation and the audit row in one
/// transaction, the push after it committed.
/// </summary>
internal sealed partial class ReplySender(
    IConversationRepository conversations,
    IIntegrationRepository integrations,
    PageMessenger messenger,
    IUnitOfWork unitOfWork,
    ActingStaff staff,
    MessengerOptions options,
    TimeProvider clock,
    ILogger<ReplySender> logger)
{
    public const string KeyReused = "This Idempotency-Key was already used for another message: send a new key for a new message.";

    public Task<Result<ReplyOutcome>> SendNewAsync(Conversation conversation, string text, string? idempotencyKey, string? note, CancellationToken ct) =>
        SendNewAsync(conversation, text, idempotencyKey, note, null, ct);

    /// <summary>
    /// Sends a new reply, once per idempotency key; <paramref name="attachment"/> is a file staff uploaded (stored already in
    /// this unit of work) sent instead of text. A key already used answers with that message's outcome when it was the same
    /// request (same user, conversation and text), and a Conflict when it was not.
    /// </summary>
    public async Task<Result<ReplyOutcome>> SendNewAsync(Conversation conversation, string text, string? idempotencyKey, string? note, MessageAttachment? attachment, CancellationToken ct)
    {
        // A key the caller gave may have been used before; one made up here cannot have been.
        var given = string.IsNullOrWhiteSpace(idempotencyKey) ? null : idempotencyKey.Trim();
        var (userId, name) = await staff.GetAsync(ct);
        if (given is not null && await conversations.FindByIdempotencyKeyAsync(given, ct) is { } seen)
        {
            return Repeated(seen, conversation, userId, text);
        }

        var key = given ?? Guid.NewGuid().ToString("N");
        var now = clock.GetUtcNow();
        var plan = conversation.PlanReply(MessageSender.Staff, now, options.UseHumanAgentTag);
        var message = conversation.WriteReply(userId, name, text, key, plan, note, now, attachment);
        if (!await conversations.TryAddReplyAsync(message, ct))
        {
            var first = await conversations.FindByIdempotencyKeyAsync(key, ct);
            return Repeated(first!, conversation, userId, text);
        }

        return Result<ReplyOutcome>.Ok(plan.Allowed
            ? await DeliverAsync(conversation, message, plan, ReplyAttempt.First(note))
            : Outcome(message, conversation.Psid, duplicate: false));
    }

    /// <summary>The key's first message answers for it only when this is the same request again (ADR 0013).</summary>
    private static Result<ReplyOutcome> Repeated(MessengerMessage first, Conversation conversation, string userId, string text) =>
        first.ConversationId == conversation.Id && first.SenderUserId == userId && first.Text == text
            ? Result<ReplyOutcome>.Ok(Outcome(first, conversation.Psid, duplicate: true))
            : Result<ReplyOutcome>.Conflict(KeyReused, "Idempotency-Key");

    public async Task<ReplyOutcome> RetryAsync(Conversation conversation, MessengerMessage message, CancellationToken ct)
    {
        if (!message.CanRetry)
        {
            return Outcome(message, conversation.Psid, duplicate: true);
        }

        var now = clock.GetUtcNow();
        var plan = conversation.PlanReply(MessageSender.Staff, now, options.UseHumanAgentTag);
        if (!plan.Allowed)
        {
            conversation.RefuseRetry(message, plan);
            await unitOfWork.SaveChangesAsync(CancellationToken.None);
            return Outcome(message, conversation.Psid, duplicate: false);
        }

        if (!await conversations.TryClaimRetryAsync(message.Id, plan, now, ct))
        {
            // Another retry got there first (double click): it sends, this one does not.
            return Outcome(message, conversation.Psid, duplicate: true) with { Status = MessageStatus.Sending, Failure = null, Error = null };
        }

        // The claim is stored already; saving publishes it to the open Inbox pages before Meta is called.
        conversation.RecordRetryStarted(message);
        await unitOfWork.SaveChangesAsync(CancellationToken.None);
        return await DeliverAsync(conversation, message, plan, ReplyAttempt.Retry);
    }

    private async Task<ReplyOutcome> DeliverAsync(Conversation conversation, MessengerMessage message, ReplyPlan plan, ReplyAttempt attempt)
    {
        // From here on the outcome is recorded whatever happens to the request: Meta may already have the message.
        var ct = CancellationToken.None;
        var integration = await integrations.FindSenderAsync(conversation.IntegrationId, conversation.PageId, ct);
        if (integration is null || integration.IsDisabled)
        {
            var reason = integration is null
                ? "The page this conversation came through is no longer connected: connect it again on the Integrations page."
                : "The page's integration is disabled: enable it on the Integrations page to reply.";
            return await FailBeforeMetaAsync(conversation, message, plan, SendFailure.PageNotConnected, reason, attempt);
        }

        if (integration.MessagingRefusal is { } blocked)
        {
            return await FailBeforeMetaAsync(conversation, message, plan, SendFailure.PageBlocked, blocked, attempt);
        }

        MessengerSendResult sent;
        try
        {
            sent = await messenger.SendAsync(integration, conversation.Psid, message, plan, ct);
        }
        catch (GraphApiException ex) when (ex.Failure.DoneAnyway)
        {
            // Meta sent it but its answer says nothing usable: Failed would offer a retry that sends it twice.
            LogSentUnconfirmed(logger, conversation.Id, message.Id, ex.Failure.Code, ex.Failure.Subcode);
            return await RecordUnconfirmedAsync(conversation, message, plan, attempt);
        }
        catch (GraphApiException ex)
        {
            var kind = KindOf(ex.Failure.Kind);
            if (kind is SendFailure.TokenInvalid or SendFailure.PermissionMissing)
            {
                integration.RecordFailure(ex.Failure);
            }

            LogSendFailed(logger, conversation.Id, message.Id, ex.Failure.Kind, ex.Failure.Code, ex.Failure.Subcode);
            return await FailAsync(conversation, message, plan, kind, GraphFailureText.Describe(ex.Failure), attempt);
        }
        catch (FileNotFoundException)
        {
            return await FailBeforeMetaAsync(conversation, message, plan, SendFailure.FileGone, "The attached file is no longer stored: attach it again.", attempt);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Sending message {MessageId} of conversation {ConversationId} failed unexpectedly", message.Id, conversation.Id);
            return await FailAsync(conversation, message, plan, SendFailure.Other, "LeadOps could not send this message because of an internal error: try again.", attempt);
        }

        return await RecordSentAsync(conversation, message, plan, attempt, sent.MessageId);
    }

    /// <summary>
    /// Meta has the message. The status (a conditional update: an echo or a receipt may have moved it already) commits
    /// with the conversation's record of it and its audit row; the push follows the commit. Should that fail, the reply
    /// stays Sending, never Failed: a retry would send the customer the same message twice. Meta's echo of it, matched by
    /// its text, marks it sent later.
    /// </summary>
    private async Task<ReplyOutcome> RecordSentAsync(Conversation conversation, MessengerMessage message, ReplyPlan plan, ReplyAttempt attempt, string mid)
    {
        try
        {
            var now = clock.GetUtcNow();
            conversation.RecordReplySent(message, plan, attempt, now);
            await unitOfWork.SaveChangesAsync(token => conversations.CompleteSendAsync(message.Id, mid, now, token), CancellationToken.None);
            return Outcome(message, conversation.Psid, duplicate: false) with { Status = MessageStatus.Sent, Failure = null, Error = null, MessagingType = plan.MessagingType, Tag = plan.Tag, Mid = mid };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Message {MessageId} of conversation {ConversationId} was sent, but recording it failed: it stays Sending until Meta's echo of it arrives", message.Id, conversation.Id);
            return Unconfirmed(conversation, message, plan);
        }
    }

    /// <summary>
    /// Meta took the reply without a confirmation: the conversation and the audit note it and the reply stays Sending,
    /// unless Meta's echo showed it sent first (<see cref="SettleAsync"/>).
    /// </summary>
    private async Task<ReplyOutcome> RecordUnconfirmedAsync(Conversation conversation, MessengerMessage message, ReplyPlan plan, ReplyAttempt attempt)
    {
        try
        {
            var now = clock.GetUtcNow();
            if (await SettleAsync(conversation, message, plan, attempt, token => conversations.KeepSendingAsync(message.Id, token),
                    () => conversation.RecordReplyUnconfirmed(message, plan, attempt, now)) is { } sent)
            {
                return sent;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Message {MessageId} of conversation {ConversationId} was sent without a confirmation, and recording that failed", message.Id, conversation.Id);
        }

        return Unconfirmed(conversation, message, plan);
    }

    /// <summary>Meta has the reply but LeadOps has no confirmation of it stored: it stays Sending, and the answer says so.</summary>
    private static ReplyOutcome Unconfirmed(Conversation conversation, MessengerMessage message, ReplyPlan plan) =>
        Outcome(message, conversation.Psid, duplicate: false) with
        {
            Status = MessageStatus.Sending, Failure = null, Error = ReplyOutcome.RecordPending, MessagingType = plan.MessagingType, Tag = plan.Tag,
        };

    /// <summary>The send reached Meta (now or on an earlier try) and ended without its word, or with a refusal: failed, unless Meta's echo showed it sent first (<see cref="SettleAsync"/>).</summary>
    private async Task<ReplyOutcome> FailAsync(Conversation conversation, MessengerMessage message, ReplyPlan plan, SendFailure kind, string reason, ReplyAttempt attempt) =>
        await SettleAsync(conversation, message, plan, attempt, token => conversations.FailSendAsync(message.Id, kind, reason, token),
            () => conversation.RecordReplyFailed(message, kind, reason, attempt))
        ?? Failed(conversation, message, plan, kind, reason);

    /// <summary>
    /// The one rule for a send that reached Meta (now or on an earlier try) and ended without Meta's confirmation (a failure, or Meta's word that it
    /// took the reply without an answer LeadOps can use): Meta's echo may have shown the reply sent while the send was
    /// still waiting for its answer. <paramref name="store"/> is a conditional update that stores the outcome only while
    /// the reply is Sending, and then <paramref name="record"/> tells of it (null is returned). Otherwise the reply was
    /// sent: no failed or unconfirmed row or push, a sent row saying the echo came first, and the answer is the reply as it
    /// is stored, with the id the echo gave it.
    /// </summary>
    private async Task<ReplyOutcome?> SettleAsync(
        Conversation conversation, MessengerMessage message, ReplyPlan plan, ReplyAttempt attempt, Func<CancellationToken, Task<bool>> store, Action record)
    {
        var ct = CancellationToken.None;
        var stored = true;
        await unitOfWork.SaveChangesAsync(
            async token =>
            {
                // The database may run this unit again after a transient failure: the outcome is the one of the run that commits.
                conversation.ForgetSendOutcome(message);
                stored = await store(token);
                if (stored)
                {
                    record();
                }
                else
                {
                    conversation.RecordReplyEchoedFirst(message, plan, attempt);
                }
            },
            ct);
        // The echo's update went around the tracked reply: the answer is read untracked (every staff reply has a key).
        return stored ? null
            : await conversations.FindByIdempotencyKeyAsync(message.IdempotencyKey!, ct) is { } sent ? Outcome(sent, conversation.Psid, duplicate: false) : null;
    }

    /// <summary>
    /// Meta was not asked this time. After a try Meta may have taken (a temporary failure or an internal error), that try's
    /// late echo may claim the reply, now or later, as it could claim it Failed: the failure is stored only while the reply
    /// is Sending, and as <see cref="SendFailure.Other"/> with <paramref name="reason"/> (not <paramref name="kind"/>, which
    /// no echo may claim), so Meta may still have it for a later echo and a later retry (<see cref="FailAsync"/>). Otherwise
    /// no echo can be this reply's (<see cref="FailUnsentAsync"/>).
    /// </summary>
    private Task<ReplyOutcome> FailBeforeMetaAsync(Conversation conversation, MessengerMessage message, ReplyPlan plan, SendFailure kind, string reason, ReplyAttempt attempt) =>
        message.FailureKind is SendFailure.Temporary or SendFailure.Other
            ? FailAsync(conversation, message, plan, SendFailure.Other, reason, attempt)
            : FailUnsentAsync(conversation, message, plan, kind, reason, attempt);

    /// <summary>
    /// Meta never had this reply (not asked now, no earlier try it took): it fails whatever an echo with its words made of it.
    /// Such an echo was another send's, a message the page really sent: it is taken off the reply and kept in the thread as
    /// that page message, as had it claimed nothing (an echo that may claim a reply is never the Page inbox's: the bot's).
    /// </summary>
    private async Task<ReplyOutcome> FailUnsentAsync(Conversation conversation, MessengerMessage message, ReplyPlan plan, SendFailure kind, string reason, ReplyAttempt attempt)
    {
        MessengerMessage? kept = null;
        await unitOfWork.SaveChangesAsync(
            async token =>
            {
                conversation.ForgetSendOutcome(message);
                if (await conversations.FailUnsentAsync(message.Id, kind, reason, token) is { } echo && kept is null)
                {
                    // Added once: a unit the database runs again saves it again, as it does every tracked change.
                    kept = conversation.RecordEcho(MessageSender.Bot, echo.Mid, message.Text, echo.SentAt ?? clock.GetUtcNow());
                    conversations.AddMessage(kept);
                }

                conversation.RecordReplyFailed(message, kind, reason, attempt);
            },
            CancellationToken.None);
        return Failed(conversation, message, plan, kind, reason);
    }

    private static ReplyOutcome Failed(Conversation conversation, MessengerMessage message, ReplyPlan plan, SendFailure kind, string reason) =>
        Outcome(message, conversation.Psid, duplicate: false) with
        {
            Status = MessageStatus.Failed, Failure = kind, Error = reason, MessagingType = plan.MessagingType, Tag = plan.Tag,
        };

    internal static SendFailure KindOf(GraphFailureKind kind) => kind switch
    {
        GraphFailureKind.TokenInvalid => SendFailure.TokenInvalid,
        GraphFailureKind.PermissionMissing => SendFailure.PermissionMissing,
        GraphFailureKind.OutsideMessagingWindow => SendFailure.OutsideWindow,
        GraphFailureKind.RecipientUnavailable => SendFailure.RecipientUnavailable,
        GraphFailureKind.RateLimited => SendFailure.RateLimited,
        GraphFailureKind.Transient => SendFailure.Temporary,
        _ => SendFailure.Other,
    };

    private static ReplyOutcome Outcome(MessengerMessage message, string psid, bool duplicate) => new(
        message.ConversationId, message.Id, psid, message.Text, message.Status, message.FailureKind, message.FailureReason,
        message.MessagingType, message.Tag, duplicate)
    {
        Mid = message.Mid,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} of conversation {ConversationId} was sent but Meta's answer did not confirm it (code {Code}, subcode {Subcode}): it stays Sending until Meta's echo of it arrives")]
    private static partial void LogSentUnconfirmed(ILogger logger, Guid conversationId, long messageId, int? code, int? subcode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} of conversation {ConversationId} was not sent: {Kind} (code {Code}, subcode {Subcode})")]
    private static partial void LogSendFailed(ILogger logger, Guid conversationId, long messageId, GraphFailureKind kind, int? code, int? subcode);
}
