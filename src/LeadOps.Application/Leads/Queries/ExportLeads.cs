using LeadOps.Application.Leads.Export;

namespace LeadOps.Application.Leads.Queries;

/// <summary>
/// The filtered lead list as CSV, written to <paramref name="Output"/> row by row as the database hands them over;
/// with a form filter, one column per question of that form. Answers the number of leads written.
/// </summary>
public sealed record ExportLeads(LeadFilter Filter, Stream Output) : IQuery<int>;

internal sealed class ExportLeadsHandler(ILeadExportSource source) : IQueryHandler<ExportLeads, int>
{
    public async ValueTask<int> Handle(ExportLeads query, CancellationToken cancellationToken)
    {
        var questions = string.IsNullOrWhiteSpace(query.Filter.FormId) ? [] : await source.QuestionsAsync(query.Filter.FormId, cancellationToken);
        return await new LeadCsvWriter(questions).WriteAsync(source.StreamAsync(query.Filter, cancellationToken), query.Output, cancellationToken);
    }
}
