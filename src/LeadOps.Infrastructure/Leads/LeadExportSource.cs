using System.Runtime.CompilerServices;
using LeadOps.Application.Leads.Export;
using LeadOps.Application.Leads.Queries;

namespace LeadOps.Infrastructure.Leads;

/// <summary>The export's reads: one untracked, projected query streamed row by row (owner-filtered like every read).</summary>
internal sealed class LeadExportSource(LeadOpsDbContext db) : ILeadExportSource
{
    public async IAsyncEnumerable<LeadExportRow> StreamAsync(LeadFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var rows = db.Leads.AsNoTracking().Filtered(filter, db.LeadSearchTerms)
            .OrderByDescending(l => l.CreatedTime).ThenByDescending(l => l.Id)
            .Select(l => new LeadExportRow(
                l.Id, l.FacebookLeadId, l.CreatedTime, l.FirstSeenAt, l.Source, l.WelcomeStatus, l.IntegrationId, l.PageId, l.FormId, l.FormName,
                l.FullName, l.Email, l.Phone,
                new LeadAttribution(l.AdId, l.AdName, l.AdsetId, l.AdsetName, l.CampaignId, l.CampaignName, l.IsOrganic, l.Platform),
                l.PartnerName, l.AnswersJson, l.ConsentsJson))
            .AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            yield return row;
        }
    }

    public async Task<IReadOnlyList<LeadFormQuestion>> QuestionsAsync(string formId, CancellationToken cancellationToken)
    {
        var form = await db.IntegrationForms.AsNoTracking().Where(f => f.FormId == formId).OrderByDescending(f => f.RefreshedAt).FirstOrDefaultAsync(cancellationToken);
        return form?.Questions ?? [];
    }
}
