using LeadOps.Application.Common.Events;
using LeadOps.Domain.Conversations.Events;
using LeadOps.Domain.Leads.Events;
using LeadOps.Domain.Outgoing;

namespace LeadOps.Application.Outgoing;

/// <summary>
/// Writes the outgoing event a change calls for in the same save as the change (ADR 0008, ADR 0024): a new lead, a lead
/// moved to another stage, a conversation newly handed to a person. The outgoing worker fans it out to webhooks and staff alerts.
/// A new lead's event is written only when something receives it (<see cref="LeadFollowUps.Announces"/>).
/// </summary>
internal sealed class OutgoingEventHandler : IDomainEventHandler
{
    public IEnumerable<object> OnSaving(IDomainEvent domainEvent, SaveContext save) => domainEvent switch
    {
        LeadCreated { FollowUps.Announces: true } created => [OutgoingEvent.ForLead(OutgoingEventNames.LeadCreated, created.Lead, save.Now)],
        LeadStageChanged moved => [OutgoingEvent.ForLead(OutgoingEventNames.LeadStageChanged, moved.Lead, save.Now,
            System.Text.Json.JsonSerializer.Serialize(new { from = moved.FromStage, to = moved.ToStage }, System.Text.Json.JsonSerializerOptions.Web))],
        ConversationEscalated { Changed: true } escalated =>
            [OutgoingEvent.ForConversation(OutgoingEventNames.ConversationEscalated, escalated.Conversation.Id, escalated.Conversation.IntegrationId, save.Now, escalated.Reason)],
        _ => [],
    };
}
