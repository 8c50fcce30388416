namespace LeadOps.Domain.Outgoing;

/// <summary>The events LeadOps sends to the endpoints users register (the <c>event</c> of each body).</summary>
public static class OutgoingEventNames
{
    public const string LeadCreated = "lead.created";
    public const string LeadStageChanged = "lead.stage_changed";
    public const string ConversationEscalated = "conversation.escalated";

    /// <summary>"Send a test event": a sample lead, to the one endpoint asked for.</summary>
    public const string Test = "webhook.test";

    public const int Length = 40;

    /// <summary>What an endpoint may subscribe to.</summary>
    public static readonly IReadOnlyList<string> Subscribable = [LeadCreated, LeadStageChanged, ConversationEscalated];
}
