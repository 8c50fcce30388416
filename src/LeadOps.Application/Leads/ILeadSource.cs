namespace LeadOps.Application.Leads;

/// <summary>Reads leads from Graph. Pages are streamed so that a backfill of any size runs in constant memory.</summary>
public interface ILeadSource
{
    /// <summary>
    /// GET /{form-id}/leads, following paging until there is no next page. Each yielded list is one Graph page
    /// (possibly empty), a <see cref="FacebookLeadPage"/> that may carry a warning on the last one.
    /// <paramref name="since"/>/<paramref name="until"/> become the documented time_created filter.
    /// </summary>
    IAsyncEnumerable<IReadOnlyList<FacebookLeadData>> GetLeadPagesAsync(
        GraphCredentials credentials,
        string formId,
        DateTimeOffset? since,
        DateTimeOffset? until,
        CancellationToken cancellationToken);

    /// <summary>GET /{lead-id}: what a leadgen webhook makes LeadOps do. An answer that leaves out the echo of its id is the lead asked for, with <paramref name="leadId"/>.</summary>
    Task<FacebookLeadData> GetLeadAsync(GraphCredentials credentials, string leadId, CancellationToken cancellationToken);
}
