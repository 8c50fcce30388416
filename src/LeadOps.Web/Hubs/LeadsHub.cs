using Microsoft.AspNetCore.SignalR;

namespace LeadOps.Web.Hubs;

/// <summary>
/// Live Leads list updates, as the Inbox hub does it: each signed-in connection joins its owner's group only, so a new
/// lead reaches the pages of the user it belongs to and nobody else. Clients only listen.
/// </summary>
internal sealed class LeadsHub : Hub
{
    public const string Path = "/hubs/leads";
    public const string ArrivedMethod = "leadArrived";

    public override async Task OnConnectedAsync()
    {
        if (Context.UserIdentifier is not { } userId)
        {
            Context.Abort();
            return;
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, InboxHub.OwnerGroup(userId));
        await base.OnConnectedAsync();
    }

    /// <summary>Answers once the connection is in its owner's group, so a client that awaited it misses no lead from then on.</summary>
    public string Ready() => "ready";
}
