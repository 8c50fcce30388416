using LeadOps.Application.Leads;
using Microsoft.AspNetCore.SignalR;

namespace LeadOps.Web.Hubs;

/// <summary>Pushes new leads to the owner's open Leads pages (the id only; the page fetches what it shows).</summary>
internal sealed partial class SignalRLeadsNotifier(IHubContext<LeadsHub> hub, ILogger<SignalRLeadsNotifier> logger) : ILeadsNotifier
{
    public async Task LeadArrivedAsync(string ownerId, long leadId, CancellationToken cancellationToken)
    {
        try
        {
            await hub.Clients.Group(InboxHub.OwnerGroup(ownerId)).SendAsync(LeadsHub.ArrivedMethod, new LeadArrivedMessage(leadId), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A lost notification costs a reload, never the lead (it is already saved).
            LogNotifyFailed(logger, leadId, ex.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "New-lead notification for lead {LeadId} could not be sent: {Error}")]
    private static partial void LogNotifyFailed(ILogger logger, long leadId, string error);

    /// <summary>What the browser receives: <c>{"leadId"}</c>.</summary>
    private sealed record LeadArrivedMessage(long LeadId);
}
