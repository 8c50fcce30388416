using LeadOps.Domain.Conversations.Events;

namespace LeadOps.Application.Conversations;

/// <summary>
/// The change each conversation event pushes to the owner's open Inbox pages, read once the save committed (so new
/// messages have their ids). A staff action that changed nothing, and a refused first send (its new message is
/// pushed already), push nothing.
/// </summary>
public static class InboxPushes
{
    public static InboxChange? For(IDomainEvent domainEvent) => domainEvent switch
    {
        ConversationActionEvent { Changed: true } e => Change(e, InboxChangeKind.ConversationChanged),
        CustomerMessageReceived e => Change(e, InboxChangeKind.MessageReceived, e.Message.Id),
        PageMessageEchoed e => Change(e, InboxChangeKind.MessageSent, e.Message.Id),
        ConversationMessagesMovedOn e => Change(e, InboxChangeKind.MessageStatusChanged),
        ReplyWritten e => Change(e, InboxChangeKind.MessageSent, e.Message.Id),
        ReplyRefused { Attempt.IsRetry: true } e => Change(e, InboxChangeKind.MessageStatusChanged, e.Message.Id),
        ReplyRetryStarted e => Change(e, InboxChangeKind.MessageStatusChanged, e.Message.Id),
        ReplySent e => Change(e, InboxChangeKind.MessageSent, e.Message.Id),
        ReplyUnconfirmed e => Change(e, InboxChangeKind.MessageStatusChanged, e.Message.Id),
        ReplyFailed e => Change(e, InboxChangeKind.MessageStatusChanged, e.Message.Id),
        MessageChanged e => Change(e, InboxChangeKind.MessageChanged, e.Message.Id),
        ConversationNoteAdded e => Change(e, InboxChangeKind.ConversationChanged, e.Note.Id),
        InternalNoteAdded e => Change(e, InboxChangeKind.ConversationChanged, e.Note.Id),
        ConversationDetailsChanged e => Change(e, InboxChangeKind.ConversationChanged),
        ConversationAnsweredElsewhere e => Change(e, InboxChangeKind.ConversationChanged),
        _ => null,
    };

    private static InboxChange Change(ConversationEvent e, InboxChangeKind kind, long? messageId = null) =>
        new(e.Conversation.OwnerId, e.Conversation.Id, kind, messageId);
}
