namespace LeadOps.Application.Conversations;

public enum MessengerEventKind
{
    /// <summary>A customer's message.</summary>
    Message,

    /// <summary>A message the page sent (by LeadOps, the bot, or someone in Meta's inbox).</summary>
    Echo,

    Delivery,

    Read,
}
