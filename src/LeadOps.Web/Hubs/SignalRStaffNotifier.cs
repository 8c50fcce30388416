using LeadOps.Application.Outgoing;
using Microsoft.AspNetCore.SignalR;

namespace LeadOps.Web.Hubs;

/// <summary>Sends browser notifications to the owner's open pages over the Inbox hub (<c>staffAlert</c>); alerts.js shows them.</summary>
internal sealed partial class SignalRStaffNotifier(IHubContext<InboxHub> hub, ILogger<SignalRStaffNotifier> logger) : IStaffNotifier
{
    public const string Method = "staffAlert";

    public async Task NotifyAsync(string ownerId, StaffNotification notification, CancellationToken cancellationToken)
    {
        try
        {
            await hub.Clients.Group(InboxHub.OwnerGroup(ownerId)).SendAsync(Method, notification, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A lost notification costs nothing stored: the e-mail and the Inbox still say it.
            LogNotifyFailed(logger, ex.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A staff notification could not be sent: {Error}")]
    private static partial void LogNotifyFailed(ILogger logger, string error);
}
