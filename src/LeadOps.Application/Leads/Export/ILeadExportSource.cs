using LeadOps.Application.Leads.Queries;

namespace LeadOps.Application.Leads.Export;

/// <summary>The leads an export reads, one at a time from an untracked query (never the whole list in memory).</summary>
public interface ILeadExportSource
{
    /// <summary>The leads the filter selects, newest first, as the database hands them over.</summary>
    IAsyncEnumerable<LeadExportRow> StreamAsync(LeadFilter filter, CancellationToken cancellationToken);

    /// <summary>The questions of a lead form as last read from Graph (none when unknown).</summary>
    Task<IReadOnlyList<LeadFormQuestion>> QuestionsAsync(string formId, CancellationToken cancellationToken);
}
