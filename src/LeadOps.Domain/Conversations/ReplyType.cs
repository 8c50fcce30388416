namespace LeadOps.Domain.Conversations;

/// <summary>How a reply goes out on the Send API.</summary>
public enum ReplyType
{
    Response,
    HumanAgentTag,
}
