namespace LeadOps.Application.Conversations;

/// <summary>A reaction (<c>action</c> react) or its withdrawal (unreact, which may name no emoji).</summary>
public sealed record MessengerReaction(string? Emoji, string? Name, bool Unreact)
{
    /// <summary>
    /// The page reacted (the page is the sender, the customer the recipient: a reaction sent with the Send API's
    /// <c>sender_action: "react"</c> or in Meta Business Suite): not the customer's, so it opens no window.
    /// </summary>
    public bool ByPage { get; init; }
}
