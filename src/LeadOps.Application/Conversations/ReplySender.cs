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
            return await FailAsync(conversation, message, plan, SendFailure.PageNotConnected, reason, attempt, metaCalled: false);
        }

        if (integration.MessagingRefusal is { } blocked)
        {
            return await FailAsync(conversation, message, plan, SendFailure.PageBlocked, blocked, attempt, metaCalled: false);
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
            return await FailAsync(conversation, message, plan, kind, GraphFailureText.Describe(ex.Failure), attempt, metaCalled: true);
        }
        catch (FileNotFoundException)
        {
            return await FailAsync(conversation, message, plan, SendFailure.Other, "The attached file is no longer stored: attach it again.", attempt, metaCalled: false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Sending message {MessageId} of conversation {ConversationId} failed unexpectedly", message.Id, conversation.Id);
            return await FailAsync(conversation, message, plan, SendFailure.Other, "LeadOps could not send this message because of an internal error: try again.", attempt, metaCalled: true);
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

    /// <summary>Meta took the reply without a confirmation: the conversation and the audit note it; the reply stays Sending.</summary>
    private async Task<ReplyOutcome> RecordUnconfirmedAsync(Conversation conversation, MessengerMessage message, ReplyPlan plan, ReplyAttempt attempt)
    {
        try
        {
            conversation.RecordReplyUnconfirmed(message, plan, attempt, clock.GetUtcNow());
            await unitOfWork.SaveChangesAsync(CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Message {MessageId} of conversation {ConversationId} was sent without a confirmation, and recording that failed", message.Id, conversation.Id);
        }

        return Unconfirmed(conversation, message, plan);
    }

    /// <summary>Meta has the reply but LeadOps has no confirmation stored: it stays Sending, and the answer says so.</summary>
    private static ReplyOutcome Unconfirmed(Conversation conversation, MessengerMessage message, ReplyPlan plan) =>
        Outcome(message, conversation.Psid, duplicate: false) with
        {
            Status = MessageStatus.Sending, Failure = null, Error = ReplyOutcome.RecordPending, MessagingType = plan.MessagingType, Tag = plan.Tag,
        };

    /// <summary>
    /// The send did not go, or ended without Meta's word. Once Meta was called the status is a conditional update: Meta's
    /// echo may have shown the reply sent while its send was still waiting for an answer, and then it is sent, not failed
    /// (no failed audit row or push), and the answer is the reply as it is stored, with the id the echo gave it. When Meta
    /// was never called, no echo can be this reply's (one with the same words is another send's): it fails.
    /// </summary>
    private async Task<ReplyOutcome> FailAsync(Conversation conversation, MessengerMessage message, ReplyPlan plan, SendFailure kind, string reason, ReplyAttempt attempt, bool metaCalled)
    {
        var ct = CancellationToken.None;
        var failed = true;
        await unitOfWork.SaveChangesAsync(
            async token =>
            {
                // The database may run this unit again after a transient failure: the outcome is the one of the run that commits.
                conversation.ForgetSendOutcome(message);
                failed = await conversations.FailSendAsync(message.Id, kind, reason, metaCalled, token);
                if (failed)
                {
                    conversation.RecordReplyFailed(message, kind, reason, attempt);
                }
                else
                {
                    conversation.RecordReplyEchoedFirst(message, plan, attempt);
                }
            },
            ct);
        // The echo's update went around the tracked reply: the answer is read untracked (every staff reply has a key).
        if (!failed && await conversations.FindByIdempotencyKeyAsync(message.IdempotencyKey!, ct) is { } stored)
        {
            return Outcome(stored, conversation.Psid, duplicate: false);
        }

        return Outcome(message, conversation.Psid, duplicate: false) with
        {
            Status = MessageStatus.Failed, Failure = kind, Error = reason, MessagingType = plan.MessagingType, Tag = plan.Tag,
        };
    }

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
