namespace LeadOps.Application.Leads.Commands;

/// <summary>Runs queued retrievals in the background as their owner.</summary>
public interface IRetrievalQueue
{
    void Enqueue(string ownerId, RetrieveFacebookLeads command);
}
