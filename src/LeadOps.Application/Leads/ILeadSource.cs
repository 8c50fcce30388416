namespace LeadOps.Application.Leads;

public sealed record FacebookLeadAnswer(string Name, IReadOnlyList<string> Values);

/// <summary>
/// One lead as Graph returned it. <see cref="Problem"/> is set when part of it could not be read
/// (for example an unparseable created_time); the lead is still passed on so it can be reported as failed.
/// </summary>
public sealed record FacebookLeadData(
    string Id,
    DateTimeOffset? CreatedTime,
    string? FormId,
    string? AdId,
    string? AdName,
    string? AdsetId,
    string? AdsetName,
    string? CampaignId,
    string? CampaignName,
    bool? IsOrganic,
    string? Platform,
    IReadOnlyList<FacebookLeadAnswer> FieldData,
    string? Problem = null);

/// <summary>Reads leads from Graph. Pages are streamed so that a backfill of any size runs in constant memory.</summary>
public interface ILeadSource
{
    /// <summary>
    /// GET /{form-id}/leads, following paging until there is no next page. Each yielded list is one Graph page
    /// (possibly empty). <paramref name="since"/>/<paramref name="until"/> become the documented time_created filter.
    /// </summary>
    IAsyncEnumerable<IReadOnlyList<FacebookLeadData>> GetLeadPagesAsync(
        GraphCredentials credentials,
        string formId,
        DateTimeOffset? since,
        DateTimeOffset? until,
        CancellationToken cancellationToken);

    /// <summary>GET /{lead-id}: what a leadgen webhook makes LeadOps do.</summary>
    Task<FacebookLeadData> GetLeadAsync(GraphCredentials credentials, string leadId, CancellationToken cancellationToken);
}
