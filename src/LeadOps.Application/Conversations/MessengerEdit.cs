namespace LeadOps.Application.Conversations;

/// <summary>The new text of an edited message and Meta's count of its edits (0 when Meta gave none).</summary>
public sealed record MessengerEdit(string Text, int EditCount)
{
    /// <summary>The page's own message was edited (the page is the sender): known to LeadOps or ignored, never the customer's words.</summary>
    public bool ByPage { get; init; }
}
