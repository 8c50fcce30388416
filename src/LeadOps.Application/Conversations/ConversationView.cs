namespace LeadOps.Application.Conversations;

/// <summary>A conversation as the Inbox shows it, with its window and waiting time worked out for "now".</summary>
public sealed record ConversationView(
    Guid Id,
    int IntegrationId,
    string PageId,
    string PageName,
    string Psid,
    string CustomerLabel,
    ConversationState State,
    string StateText,
    string? AssignedToUserId,
    string? AssignedToName,
    string? EscalationReason,
    DateTimeOffset? EscalatedAt,
    DateTimeOffset? LastCustomerMessageAt,
    DateTimeOffset? WaitingSince,
    string? WaitedText,
    DateTimeOffset LastMessageAt,
    string? LastMessagePreview,
    WindowKind Window,
    string WindowText,
    DateTimeOffset? WindowUntil)
{
    public static ConversationView From(Conversation c, string? pageName, DateTimeOffset now, bool useHumanAgentTag)
    {
        var window = c.WindowAt(now, useHumanAgentTag);
        return new ConversationView(
            c.Id, c.IntegrationId, c.PageId, pageName ?? c.PageId, c.Psid, c.CustomerLabel, c.State, InboxText.State(c.State),
            c.AssignedToUserId, c.AssignedToName, c.EscalationReason, c.EscalatedAt, c.LastCustomerMessageAt, c.WaitingSince,
            c.WaitingSince is { } since ? InboxText.Duration(now - since) : null,
            c.LastMessageAt, c.LastMessagePreview, window.Kind, window.Label(now), window.Until);
    }
}
