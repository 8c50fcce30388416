namespace LeadOps.Application.Leads;

/// <summary>Tells the owner's open Leads pages that a lead arrived (after it was saved).</summary>
public interface ILeadsNotifier
{
    Task LeadArrivedAsync(string ownerId, long leadId, CancellationToken cancellationToken);
}
