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
    /// <summary>The customer's name from their Messenger profile, when Meta gave it.</summary>
    public string? CustomerName { get; init; }

    /// <summary>LeadOps' copy of the customer's profile picture (served to the owner only).</summary>
    public Guid? CustomerPictureFileId { get; init; }

    /// <summary>The ad or link that brought the customer (the latest one).</summary>
    public Referral? Referral { get; init; }

    public DateTimeOffset? ReferredAt { get; init; }

    public NotificationOptin? Optin { get; init; }

    public DateTimeOffset? OptedInAt { get; init; }

    /// <summary>The app Meta last said controls the thread, and its name ("the bot", "Meta Business Suite", …).</summary>
    public string? ThreadOwnerAppId { get; init; }

    public string? ThreadOwnerText { get; init; }

    /// <summary>When someone last answered in Meta Business Suite.</summary>
    public DateTimeOffset? AnsweredElsewhereAt { get; init; }

    /// <summary>How long the customer has waited against the viewer's thresholds (none when nobody waits).</summary>
    public WaitingLevel WaitingLevel { get; init; }

    public static ConversationView From(Conversation c, string? pageName, DateTimeOffset now, MessengerOptions options, WaitingThresholds? thresholds = null)
    {
        var window = c.WindowAt(now, options.UseHumanAgentTag);
        return new ConversationView(
            c.Id, c.IntegrationId, c.PageId, pageName ?? c.PageId, c.Psid, c.CustomerLabel, c.State, InboxText.State(c.State),
            c.AssignedToUserId, c.AssignedToName, c.EscalationReason, c.EscalatedAt, c.LastCustomerMessageAt, c.WaitingSince,
            c.WaitingSince is { } since ? InboxText.Duration(now - since) : null,
            c.LastMessageAt, c.LastMessagePreview, window.Kind, window.Label(now), window.Until)
        {
            CustomerName = c.CustomerName,
            CustomerPictureFileId = c.CustomerPictureFileId,
            Referral = c.Referral,
            ReferredAt = c.ReferredAt,
            Optin = c.Optin,
            OptedInAt = c.OptedInAt,
            ThreadOwnerAppId = c.ThreadOwnerAppId == Conversation.UnnamedOwnerAppId ? null : c.ThreadOwnerAppId,
            ThreadOwnerText = c.ThreadControlAt is null ? null : ThreadOwnerNames.Of(c.ThreadOwnerAppId, options),
            AnsweredElsewhereAt = c.AnsweredElsewhereAt,
            WaitingLevel = (thresholds ?? WaitingThresholds.Default).LevelOf(c.WaitingSince is { } waiting ? now - waiting : null),
        };
    }
}
