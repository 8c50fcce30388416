using LeadOps.Application.Common.Audit;
using LeadOps.Domain.Conversations.Events;

namespace LeadOps.Application.Conversations;

/// <summary>
/// The audit row each conversation event leaves: every staff action on a conversation (also one that changed nothing)
/// and how every attempt at a staff reply ended (and a reply recorded as failed that Meta's echo shows went out); thread
/// control LeadOps asked for, and Meta Business Suite taking the thread or answering in it when that moved the conversation to Human active. Notes name reasons and message ids, never what was written.
/// </summary>
public static class ConversationAudit
{
    public static AuditRecord? For(IDomainEvent domainEvent) => domainEvent switch
    {
        ConversationEscalated e => Action(e, AuditActions.Escalate, e.Reason),
        ConversationTaken e => Action(e, AuditActions.Take, null),
        ConversationReleased e => Action(e, AuditActions.Release, null),
        ConversationResolved e => Action(e, AuditActions.Resolve, null),
        ConversationReopened e => Action(e, AuditActions.Reopen, null),
        InternalNoteAdded e => new(AuditActions.InternalNote, AuditActions.Conversation, e.Conversation.Id.ToString(), AuditActions.Ok, "never sent to Meta"),
        ReplyRefused e => Reply(e, AuditActions.Refused, Note(e.Reason, AttemptNote(e))),
        ReplySent e => Reply(e, AuditActions.Sent, Note(SentAs(e, e.Plan) + (e.EchoedFirst ? ": Meta's echo confirmed it before the send's answer" : string.Empty), AttemptNote(e))),
        ReplyUnconfirmed e => Reply(e, AuditActions.Unconfirmed, Note(SentAs(e, e.Plan) + ": Meta took it without a confirmation", AttemptNote(e))),
        ReplyFailed e => Reply(e, AuditActions.Failed, Note(e.Reason, AttemptNote(e) is { } note ? $"message {e.Message.Id}; {note}" : $"message {e.Message.Id}")),
        FailedReplyEchoed e => new(AuditActions.SendMessage, AuditActions.Conversation, e.Conversation.Id.ToString(), AuditActions.Sent, $"message {e.MessageId}: Meta's echo shows it went out after all"),
        ThreadControlRequested e => new(AuditActions.ThreadControl, AuditActions.Conversation, e.Conversation.Id.ToString(), e.Done ? AuditActions.Ok : AuditActions.Failed, $"{e.Action}: {e.Detail}"),
        ConversationTakenInPageInbox e => Action(e, AuditActions.ThreadControl, $"take by {Conversation.PageInboxName}: a person there has the conversation (Human active)"),
        ConversationAnsweredElsewhere { Changed: true } e => new(AuditActions.ThreadControl, AuditActions.Conversation, e.Conversation.Id.ToString(), AuditActions.Ok, $"answered in {Conversation.PageInboxName}: a person there has the conversation (Human active)"),
        _ => null,
    };

    private static AuditRecord Action(ConversationActionEvent e, string action, string? detail) =>
        new(action, AuditActions.Conversation, e.Conversation.Id.ToString(), e.Changed ? AuditActions.Ok : AuditActions.Unchanged, detail);

    private static AuditRecord Reply(ReplyEvent e, string outcome, string? detail) =>
        new(e.Attempt.IsRetry ? AuditActions.RetryMessage : AuditActions.SendMessage, AuditActions.Conversation, e.Conversation.Id.ToString(), outcome, detail);

    private static string SentAs(ReplyEvent e, ReplyPlan plan) => $"message {e.Message.Id} as {plan.MessagingType}{(plan.Tag is null ? string.Empty : " " + plan.Tag)}";

    /// <summary>A retry names the message it retried; a first send carries the caller's note, if any.</summary>
    private static string? AttemptNote(ReplyEvent e) => e.Attempt.IsRetry ? $"message {e.Message.Id}" : e.Attempt.Note;

    private static string? Note(string? detail, string? note) =>
        note is null ? detail : detail is null ? note : $"{detail} ({note})";
}
