using System.Globalization;

namespace LeadOps.Application.Conversations;

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
        MessageSender.System => "system",
        _ => "page_inbox",
    };

    public static string Sender(MessengerMessage m) => m.Sender switch
    {
        MessageSender.Customer => "Customer",
        MessageSender.Bot => "Bot",
        MessageSender.Staff => m.SenderName ?? "Staff",
        MessageSender.System => "Messenger",
        _ => "Answered in Meta Business Suite",
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
