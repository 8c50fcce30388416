using System.Globalization;

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

/// <summary>A message as the thread shows it.</summary>
public sealed record MessageView(
    long Id,
    MessageDirection Direction,
    MessageSender Sender,
    string SenderLabel,
    string Text,
    MessageStatus Status,
    string StatusText,
    SendFailure? FailureKind,
    string? FailureReason,
    string? MessagingType,
    string? Tag,
    DateTimeOffset At,
    bool CanRetry,
    string? Mid)
{
    public static MessageView From(MessengerMessage m) => new(
        m.Id, m.Direction, m.Sender, InboxText.Sender(m), m.Text, m.Status, InboxText.Status(m.Status), m.FailureKind,
        m.FailureReason, m.MessagingType, m.Tag, m.At, m.CanRetry, m.Mid);
}

/// <summary>Words and codes the pages and the API use.</summary>
public static class InboxText
{
    public static string State(ConversationState state) => state switch
    {
        ConversationState.NeedsHuman => "Needs human",
        ConversationState.HumanActive => "Human active",
        ConversationState.Bot => "Bot",
        _ => "Resolved",
    };

    /// <summary>snake_case code for the API (<c>needs_human</c>, …).</summary>
    public static string StateCode(ConversationState state) => state switch
    {
        ConversationState.NeedsHuman => "needs_human",
        ConversationState.HumanActive => "human_active",
        ConversationState.Bot => "bot",
        _ => "resolved",
    };

    public static ConversationState? ParseState(string? code) => code?.Trim().ToLowerInvariant().Replace(' ', '_').Replace('-', '_') switch
    {
        "needs_human" or "needshuman" => ConversationState.NeedsHuman,
        "human_active" or "humanactive" => ConversationState.HumanActive,
        "bot" => ConversationState.Bot,
        "resolved" => ConversationState.Resolved,
        _ => null,
    };

    public static string Status(MessageStatus status) => status switch
    {
        MessageStatus.Received => "received",
        MessageStatus.Sending => "sending",
        MessageStatus.Sent => "sent",
        MessageStatus.Delivered => "delivered",
        MessageStatus.Read => "read",
        _ => "failed",
    };

    public static string SenderCode(MessageSender sender) => sender switch
    {
        MessageSender.Customer => "customer",
        MessageSender.Bot => "bot",
        MessageSender.Staff => "staff",
        _ => "page_inbox",
    };

    public static string Sender(MessengerMessage m) => m.Sender switch
    {
        MessageSender.Customer => "Customer",
        MessageSender.Bot => "Bot",
        MessageSender.Staff => m.SenderName ?? "Staff",
        _ => "Page (Meta inbox)",
    };

    public static string? FailureCode(SendFailure? failure) => failure switch
    {
        null => null,
        SendFailure.WindowClosed => "window_closed",
        SendFailure.OutsideWindow => "outside_window",
        SendFailure.RecipientUnavailable => "recipient_unavailable",
        SendFailure.TokenInvalid => "token_invalid",
        SendFailure.PermissionMissing => "permission_missing",
        SendFailure.RateLimited => "rate_limited",
        SendFailure.Temporary => "temporary",
        SendFailure.PageNotConnected => "page_not_connected",
        _ => "other",
    };

    /// <summary>"just now", "12 min", "3 h 5 min", "2 d 4 h".</summary>
    public static string Duration(TimeSpan span)
    {
        if (span < TimeSpan.FromMinutes(1))
        {
            return "just now";
        }

        if (span < TimeSpan.FromHours(1))
        {
            return string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalMinutes} min");
        }

        return span < TimeSpan.FromDays(1)
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours} h {span.Minutes} min")
            : string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalDays} d {span.Hours} h");
    }
}
