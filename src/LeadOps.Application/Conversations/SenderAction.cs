namespace LeadOps.Application.Conversations;

/// <summary>The Send API's <c>sender_action</c>s LeadOps sends while staff look at or type in a thread.</summary>
public enum SenderAction
{
    MarkSeen,
    TypingOn,
    TypingOff,
}
