namespace LeadOps.Application.Conversations;

/// <summary>How the Inbox names the apps that may hold a thread: LeadOps, the bot, Meta Business Suite, or another app.</summary>
public static class ThreadOwnerNames
{
    public static string Of(string? appId, MessengerOptions options) => appId switch
    {
        null or "" => "no app (idle)",
        MessengerWebhookEvent.MetaPageInboxAppId => Conversation.PageInboxName,
        Conversation.UnnamedOwnerAppId => "another app",
        _ when appId == options.OwnAppId => "LeadOps",
        _ when appId == options.BotAppId => "the bot",
        _ => $"app {appId}",
    };

    /// <summary>The thread note for a handover event, e.g. "Thread control passed from the bot to LeadOps".</summary>
    public static string Describe(MessengerHandover handover, MessengerOptions options)
    {
        var text = handover.Action switch
        {
            // An app the event does not name is "another app", never "no app (idle)": the older reference's take names no new
            // owner (the thread was taken away from the previous one), and a request may come without the requesting app.
            MessengerHandover.Pass => $"Thread control passed from {Of(handover.PreviousOwnerAppId, options)} to {Of(handover.NewOwnerAppId ?? Conversation.UnnamedOwnerAppId, options)}",
            MessengerHandover.Take => $"{Capital(Of(handover.NewOwnerAppId ?? Conversation.UnnamedOwnerAppId, options))} took thread control from {Of(handover.PreviousOwnerAppId, options)}",
            MessengerHandover.Request => $"{Capital(Of(handover.RequestedOwnerAppId ?? Conversation.UnnamedOwnerAppId, options))} asks for thread control",
            _ => $"Thread control event: {handover.Action}",
        };
        return string.IsNullOrWhiteSpace(handover.Metadata) ? text : $"{text} ({handover.Metadata.Trim()})";
    }

    public static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
