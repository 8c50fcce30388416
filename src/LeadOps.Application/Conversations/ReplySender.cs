using LeadOps.Application.Common.Audit;
using LeadOps.Application.Integrations;

namespace LeadOps.Application.Conversations;

/// <summary>What happened to a staff reply. <see cref="Duplicate"/>: the idempotency key was seen before and nothing was sent now.</summary>
public sealed record ReplyOutcome(
    Guid ConversationId,
    long MessageId,
    string RecipientId,
    string Text,
    MessageStatus Status,
    SendFailure? Failure,
    string? Error,
    string? MessagingType,
    string? Tag,
    bool Duplicate)
{
    public bool Succeeded => Status is MessageStatus.Sent or MessageStatus.Delivered or MessageStatus.Read;
}

/// <summary>
/// Sends a staff member's reply through the Send API, server-side: the window decides RESPONSE or the HUMAN_AGENT tag
/// (or a refusal before Meta is called); the message is stored as Sending first, under its idempotency key, so a double
/// click or a retry can never send twice; the outcome, the audit entry and the Inbox notification follow.
/// </summary>
internal sealed partial class ReplySender(
    IConversationRepository conversations,
    IIntegrationRepository integrations,
    IMessengerGateway gateway,
    ITokenProtector protector,
    IAuditTrail audit,
    IInboxNotifier notifier,
    IUnitOfWork unitOfWork,
    ICurrentUser currentUser,
    IUserNames userNames,
    MessengerOptions options,
    TimeProvider clock,
    ILogger<ReplySender> logger)
{
    public async Task<ReplyOutcome> SendNewAsync(Conversation conversation, string text, string? idempotencyKey, string? auditNote, CancellationToken ct)
    {
        // A key the caller gave may have been used before; one made up here cannot have been.
        var given = string.IsNullOrWhiteSpace(idempotencyKey) ? null : idempotencyKey.Trim();
        if (given is not null && await conversations.FindByIdempotencyKeyAsync(given, ct) is { } seen)
        {
            return Outcome(seen, conversation.Psid, duplicate: true);
        }

        var key = given ?? Guid.NewGuid().ToString("N");

        var userId = currentUser.RequiredUserId;
        var name = await userNames.GetNameAsync(userId, ct);
        var now = clock.GetUtcNow();
        var message = MessengerMessage.StaffReply(conversation.Id, userId, name, text, key, now);
        var plan = conversation.PlanReply(MessageSender.Staff, now, options.UseHumanAgentTag);
        message.Plan(plan);
        if (conversation.State != ConversationState.HumanActive)
        {
            conversation.Take(userId, name);
        }

        if (!plan.Allowed)
        {
            audit.Record(AuditActions.SendMessage, AuditActions.Conversation, conversation.Id.ToString(), AuditActions.Refused, Note(plan.Refusal, auditNote));
        }

        if (!await conversations.TryAddReplyAsync(message, ct))
        {
            var first = await conversations.FindByIdempotencyKeyAsync(key, ct);
            return Outcome(first!, conversation.Psid, duplicate: true);
        }

        await NotifyAsync(conversation, InboxChangeKind.MessageSent, message.Id);
        if (!plan.Allowed)
        {
            return Outcome(message, conversation.Psid, duplicate: false);
        }

        return await DeliverAsync(conversation, message, plan, AuditActions.SendMessage, auditNote);
    }

    public async Task<ReplyOutcome> RetryAsync(Conversation conversation, MessengerMessage message, CancellationToken ct)
    {
        if (!message.CanRetry)
        {
            return Outcome(message, conversation.Psid, duplicate: true);
        }

        var plan = conversation.PlanReply(MessageSender.Staff, clock.GetUtcNow(), options.UseHumanAgentTag);
        if (!plan.Allowed)
        {
            message.Fail(SendFailure.WindowClosed, plan.Refusal!);
            audit.Record(AuditActions.RetryMessage, AuditActions.Conversation, conversation.Id.ToString(), AuditActions.Refused, Note(plan.Refusal, $"message {message.Id}"));
            await unitOfWork.SaveChangesAsync(CancellationToken.None);
            await NotifyAsync(conversation, InboxChangeKind.MessageStatusChanged, message.Id);
            return Outcome(message, conversation.Psid, duplicate: false);
        }

        if (!await conversations.TryClaimRetryAsync(message.Id, plan, ct))
        {
            // Another retry got there first (double click): it sends, this one does not.
            return Outcome(message, conversation.Psid, duplicate: true) with { Status = MessageStatus.Sending, Failure = null, Error = null };
        }

        await NotifyAsync(conversation, InboxChangeKind.MessageStatusChanged, message.Id);
        return await DeliverAsync(conversation, message, plan, AuditActions.RetryMessage, $"message {message.Id}");
    }

    private async Task<ReplyOutcome> DeliverAsync(Conversation conversation, MessengerMessage message, ReplyPlan plan, string action, string? auditNote)
    {
        // From here on the outcome is recorded whatever happens to the request: Meta may already have the message.
        var ct = CancellationToken.None;
        var subject = conversation.Id.ToString();
        var integration = await integrations.FindSenderAsync(conversation.IntegrationId, conversation.PageId, ct);
        if (integration is null || integration.IsDisabled)
        {
            var reason = integration is null
                ? "The page this conversation came through is no longer connected: connect it again on the Integrations page."
                : "The page's integration is disabled: enable it on the Integrations page to reply.";
            return await FailAsync(conversation, message, plan, SendFailure.PageNotConnected, reason, action, auditNote, ct);
        }

        try
        {
            var credentials = new GraphCredentials(integration.PageId, protector.Unprotect(integration.ProtectedToken));
            var type = plan.Type == ReplyType.HumanAgentTag ? MessengerMessagingType.HumanAgentTag : MessengerMessagingType.Response;
            var sent = await gateway.SendTextAsync(credentials, conversation.Psid, message.Text, type, ct);
            var now = clock.GetUtcNow();
            await conversations.CompleteSendAsync(message.Id, sent.MessageId, now, ct);
            conversation.RecordPageMessage(message.Text, now);
            audit.Record(action, AuditActions.Conversation, subject, AuditActions.Sent, Note($"message {message.Id} as {plan.MessagingType}{(plan.Tag is null ? string.Empty : " " + plan.Tag)}", auditNote));
            await unitOfWork.SaveChangesAsync(ct);
            await NotifyAsync(conversation, InboxChangeKind.MessageSent, message.Id);
            return Outcome(message, conversation.Psid, duplicate: false) with { Status = MessageStatus.Sent, Failure = null, Error = null, MessagingType = plan.MessagingType, Tag = plan.Tag };
        }
        catch (GraphApiException ex)
        {
            var kind = KindOf(ex.Failure.Kind);
            if (kind is SendFailure.TokenInvalid or SendFailure.PermissionMissing)
            {
                IntegrationChecker.RecordFailure(integration, ex.Failure);
            }

            LogSendFailed(logger, conversation.Id, message.Id, ex.Failure.Kind, ex.Failure.Code, ex.Failure.Subcode);
            return await FailAsync(conversation, message, plan, kind, GraphFailureText.Describe(ex.Failure), action, auditNote, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Sending message {MessageId} of conversation {ConversationId} failed unexpectedly", message.Id, conversation.Id);
            return await FailAsync(conversation, message, plan, SendFailure.Other, "LeadOps could not send this message because of an internal error: try again.", action, auditNote, ct);
        }
    }

    private async Task<ReplyOutcome> FailAsync(Conversation conversation, MessengerMessage message, ReplyPlan plan, SendFailure kind, string reason, string action, string? auditNote, CancellationToken ct)
    {
        await conversations.FailSendAsync(message.Id, kind, reason, ct);
        audit.Record(action, AuditActions.Conversation, conversation.Id.ToString(), AuditActions.Failed, Note(reason, auditNote is null ? $"message {message.Id}" : $"message {message.Id}; {auditNote}"));
        await unitOfWork.SaveChangesAsync(ct);
        await NotifyAsync(conversation, InboxChangeKind.MessageStatusChanged, message.Id);
        return Outcome(message, conversation.Psid, duplicate: false) with
        {
            Status = MessageStatus.Failed, Failure = kind, Error = reason, MessagingType = plan.MessagingType, Tag = plan.Tag,
        };
    }

    private async Task NotifyAsync(Conversation conversation, InboxChangeKind kind, long? messageId) =>
        await notifier.NotifyAsync(new InboxChange(conversation.OwnerId, conversation.Id, kind, messageId), CancellationToken.None);

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
        message.MessagingType, message.Tag, duplicate);

    private static string? Note(string? detail, string? note) =>
        note is null ? detail : detail is null ? note : $"{detail} ({note})";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} of conversation {ConversationId} was not sent: {Kind} (code {Code}, subcode {Subcode})")]
    private static partial void LogSendFailed(ILogger logger, Guid conversationId, long messageId, GraphFailureKind kind, int? code, int? subcode);
}
