using LeadOps.Domain.Leads.Conversions;

namespace LeadOps.Application.Leads.Conversions;

/// <summary>The current user's Conversions API events and dataset links (owner filtering by the data layer).</summary>
public interface IConversionsRepository
{
    /// <summary>The lead's events, newest first, read only.</summary>
    Task<IReadOnlyList<ConversionEvent>> ListForLeadAsync(long leadId, CancellationToken cancellationToken);

    /// <summary>The event with its lead, tracked, while <paramref name="worker"/> holds its claim; null otherwise.</summary>
    Task<ConversionEvent?> GetClaimedAsync(long id, string worker, CancellationToken cancellationToken);

    /// <summary>The integration's dataset link, tracked; null when it has none.</summary>
    Task<ConversionsLink?> GetLinkAsync(int integrationId, CancellationToken cancellationToken);

    void Add(ConversionsLink link);

    void Remove(ConversionsLink link);
}
