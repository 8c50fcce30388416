using Microsoft.AspNetCore.SignalR;

namespace LeadOps.Web.Hubs;

/// <summary>Pushes saved Inbox changes to the owner's open pages (ids and kinds only; pages fetch what they show).</summary>
internal sealed partial class SignalRInboxNotifier(IHubContext<InboxHub> hub, ILogger<SignalRInboxNotifier> logger) : IInboxNotifier
{
    public async Task NotifyAsync(InboxChange change, CancellationToken cancellationToken)
    {
        try
        {
            await hub.Clients.Group(InboxHub.OwnerGroup(change.OwnerId)).SendAsync(
                InboxHub.ChangedMethod,
                new InboxChangeMessage(change.ConversationId, ChangeCode(change.Kind), change.MessageId),
                cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A lost notification costs a reload, never the change itself (it is already saved).
            LogNotifyFailed(logger, change.ConversationId, ex.GetType().Name);
        }
    }

    internal static string ChangeCode(InboxChangeKind kind) => kind switch
    {
        InboxChangeKind.MessageReceived => "message_received",
        InboxChangeKind.MessageSent => "message_sent",
        InboxChangeKind.MessageStatusChanged => "message_status",
        _ => "conversation",
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inbox notification for conversation {ConversationId} could not be sent: {Error}")]
    private static partial void LogNotifyFailed(ILogger logger, Guid conversationId, string error);

    /// <summary>What the browser receives: <c>{"conversationId","kind","messageId"}</c>.</summary>
    private sealed record InboxChangeMessage(Guid ConversationId, string Kind, long? MessageId);
}
