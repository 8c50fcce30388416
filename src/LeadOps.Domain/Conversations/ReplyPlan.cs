namespace LeadOps.Domain.Conversations;

/// <summary>Whether a reply may be sent now, and how; or why not.</summary>
public sealed record ReplyPlan(ReplyType? Type, string? Refusal)
{
    public bool Allowed => Type is not null;

    public static ReplyPlan Send(ReplyType type) => new(type, null);

    public static ReplyPlan Refuse(string reason) => new(null, reason);

    /// <summary>The Send API's <c>messaging_type</c>.</summary>
    public string? MessagingType => Type switch
    {
        ReplyType.Response => "RESPONSE",
        ReplyType.HumanAgentTag => "MESSAGE_TAG",
        _ => null,
    };

    /// <summary>The Send API's <c>tag</c>, only on a person's reply after 24 hours.</summary>
    public string? Tag => Type == ReplyType.HumanAgentTag ? "HUMAN_AGENT" : null;
}
