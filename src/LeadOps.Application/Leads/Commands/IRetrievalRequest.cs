namespace LeadOps.Application.Leads.Commands;

/// <summary>What every single-form retrieval request carries.</summary>
public interface IRetrievalRequest
{
    int IntegrationId { get; }

    string FormId { get; }

    DateTimeOffset? Since { get; }

    DateTimeOffset? Until { get; }
}
