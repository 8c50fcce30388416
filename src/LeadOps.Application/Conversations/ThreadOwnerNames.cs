namespace LeadOps.Application.Conversations;

/// <summary>How the Inbox names the apps that may hold a thread: LeadOps, the bot, Meta Business Suite, or another app.</summary>
public static class ThreadOwnerNames
{
    public static string Of(string? appId, MessengerOptions options) => appId switch
    {
        null or "" => "no app (idle)",
        MessengerWebhookEvent.MetaPageInboxAppId => Conversation.PageInboxName,
        _ when appId == options.OwnAppId => "LeadOps",
        _ when appId == options.BotAppId => "the bot",
        _ => $"app {appId}",
    };

    /// <summary>The thread note for a handover event, e.g. "Thread control passed from the bot to LeadOps".</summary>
    public static string Describe(MessengerHandover handover, MessengerOptions options)
    {
        var text = handover.Action switch
        {
            MessengerHandover.Pass => $"Thread control passed from {Of(handover.PreviousOwnerAppId, options)} to {Of(handover.NewOwnerAppId, options)}",
            // The older reference's take names no new owner: the thread was taken away from the previous one by another app.
            MessengerHandover.Take => $"{(handover.NewOwnerAppId is null ? "Another app" : Capital(Of(handover.NewOwnerAppId, options)))} took thread control from {Of(handover.PreviousOwnerAppId, options)}",
            MessengerHandover.Request => $"{Capital(Of(handover.RequestedOwnerAppId, options))} asks for thread control",
            _ => $"Thread control event: {handover.Action}",
        };
        return string.IsNullOrWhiteSpace(handover.Metadata) ? text : $"{text} ({handover.Metadata.Trim()})";
    }

    public static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
