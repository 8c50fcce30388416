using LeadOps.Application.Common.Events;
using LeadOps.Domain.Conversations.Events;

namespace LeadOps.Application.Conversations;

/// <summary>
/// Keeps the Inbox's word index (ADR 0020) in the same save as the change: the PSID of a new conversation, the
/// customer's name when Meta gives it, and the words of every message the customer, the page or staff write (an edit
/// adds the new words). Internal notes are not indexed: search finds what the customer sees.
/// </summary>
internal sealed class InboxSearchIndexer : IDomainEventHandler
{
    public IEnumerable<object> OnSaving(IDomainEvent domainEvent, SaveContext save) => domainEvent switch
    {
        ConversationStarted e => Terms(save, e, e.Conversation.Psid),
        CustomerNamed e => Terms(save, e, e.Name),
        CustomerMessageReceived e => Terms(save, e, e.Message.Text),
        PageMessageEchoed e => Terms(save, e, e.Message.Text),
        ReplyWritten e => Terms(save, e, e.Message.Text),
        MessageChanged { Message.EditedAt: not null } e => Terms(save, e, e.Message.Text),
        _ => [],
    };

    private static IEnumerable<object> Terms(SaveContext save, ConversationEvent e, string? text) =>
        ConversationSearchTerm.For(save.ActorId, e.Conversation.Id, text);
}
