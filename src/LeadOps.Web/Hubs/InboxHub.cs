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
