namespace LeadOps.Application.Conversations.Queries;

/// <summary>
/// <see cref="ReplyNote"/> says how a reply goes out now, or why none can. <see cref="Lead"/> is the lead that came from
/// the same ad as the customer, when there is one.
/// </summary>
public sealed record ConversationDetail(ConversationView Conversation, IReadOnlyList<MessageView> Messages, int TotalMessages, bool CanReply, string ReplyNote)
{
    public LeadLink? Lead { get; init; }

    /// <summary>
    /// The customer's leads (ADR 0022): from the ad Meta says brought them, or with an e-mail or phone they wrote in the
    /// thread; newest first.
    /// </summary>
    public IReadOnlyList<LeadCard> CustomerLeads { get; init; } = [];

    /// <summary>The viewer's saved replies, filled in for this conversation.</summary>
    public IReadOnlyList<SavedReplyOption> SavedReplies { get; init; } = [];

    /// <summary>Meta's policy block of the page, when it stops replies.</summary>
    public string? MessagingRefusal { get; init; }

    /// <summary>Staff may attach an image or a file up to this size.</summary>
    public long MaxUploadBytes { get; init; }
}
