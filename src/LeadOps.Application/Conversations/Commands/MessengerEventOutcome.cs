namespace LeadOps.Application.Conversations.Commands;

public enum MessengerEventOutcome
{
    /// <summary>A new message was stored.</summary>
    Stored,

    /// <summary>Already stored (a replayed delivery, or the echo of a reply LeadOps already knows).</summary>
    Duplicate,

    /// <summary>An existing message moved on (echo matched a reply, delivered, read).</summary>
    Updated,

    /// <summary>Nothing to do (a receipt for an unknown conversation, an event without an id).</summary>
    Ignored,
}
