namespace LeadOps.Domain.Conversations;

/// <summary>Who wrote a message.</summary>
public enum MessageSender
{
    Customer,

    /// <summary>Automated: the bot (an echo of a message LeadOps did not send).</summary>
    Bot,

    /// <summary>A LeadOps staff member, from the Inbox or the API.</summary>
    Staff,

    /// <summary>Someone answering in Meta's own inbox (an echo from the Page inbox app, or without an app id).</summary>
    PageInbox,

    /// <summary>No one: a note about the thread (a handover, a referral, an opt-in, thread control LeadOps asked for).</summary>
    System,
}
