namespace LeadOps.Application.Outgoing;

/// <summary>Shows a browser notification on the owner's open LeadOps pages (nothing when none is open).</summary>
public interface IStaffNotifier
{
    Task NotifyAsync(string ownerId, StaffNotification notification, CancellationToken cancellationToken);
}
