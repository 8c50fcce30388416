using LeadOps.Application.Conversations;
using Microsoft.AspNetCore.SignalR;

namespace LeadOps.Web.Hubs;

/// <summary>
/// Live Inbox updates. Each signed-in connection joins its owner's group only, so a change reaches the pages of the
/// user it belongs to and nobody else. Clients only listen; every action goes through the pages or the API.
/// </summary>
internal sealed class InboxHub : Hub
{
    public const string Path = "/hubs/inbox";
    public const string ChangedMethod = "inboxChanged";

    public static string OwnerGroup(string ownerId) => "owner:" + ownerId;

    public override async Task OnConnectedAsync()
    {
        if (Context.UserIdentifier is not { } userId)
        {
            Context.Abort();
            return;
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, OwnerGroup(userId));
        await base.OnConnectedAsync();
    }

    /// <summary>
    /// Answers once the connection is in its owner's group (calls are handled only after <see cref="OnConnectedAsync"/>),
    /// so a client that awaited it misses no change from then on.
    /// </summary>
    public string Ready() => "ready";
}

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
}

/// <summary>What the browser receives: <c>{"conversationId","kind","messageId"}</c>.</summary>
internal sealed record InboxChangeMessage(Guid ConversationId, string Kind, long? MessageId);
