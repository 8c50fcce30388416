using LeadOps.Application.Integrations;
using LeadOps.Application.Leads.Queries;

namespace LeadOps.Infrastructure.Leads;

/// <summary>The Leads read side: keyset paging (newest first) over indexed columns, projections, no N+1.</summary>
internal sealed class LeadQueries(LeadOpsDbContext db) : ILeadQueries
{
    public async Task<LeadPage> ListAsync(LeadFilter filter, string? cursor, int pageSize, CancellationToken cancellationToken)
    {
        var query = db.Leads.AsNoTracking().Filtered(filter, db.LeadSearchTerms);
        if (LeadCursor.TryParse(cursor, out var after))
        {
            query = query.Where(l => l.CreatedTime < after.Created || (l.CreatedTime == after.Created && l.Id < after.Id));
        }

        var items = await query
            .OrderByDescending(l => l.CreatedTime).ThenByDescending(l => l.Id)
            .Take(pageSize + 1)
            .Select(l => new LeadListItem(l.Id, l.FacebookLeadId, l.FullName ?? l.Email ?? l.Phone ?? l.FacebookLeadId, l.Email, l.Phone, l.FormId, l.FormName, l.Source, l.WelcomeStatus, l.CreatedTime, l.FirstSeenAt) { IntegrationId = l.IntegrationId, StageKey = l.StageKey })
            .ToListAsync(cancellationToken);
        var next = items.Count > pageSize ? new LeadCursor(items[pageSize - 1].CreatedTime, items[pageSize - 1].Id).ToString() : null;
        return new LeadPage(items.Take(pageSize).ToList(), next);
    }

    public async Task<int> CountAsync(LeadFilter filter, CancellationToken cancellationToken) =>
        await db.Leads.AsNoTracking().Filtered(filter, db.LeadSearchTerms).CountAsync(cancellationToken);

    public async Task<IReadOnlyDictionary<string, int>> CountByStageAsync(LeadFilter filter, CancellationToken cancellationToken) =>
        await db.Leads.AsNoTracking().Filtered(filter, db.LeadSearchTerms).GroupBy(l => l.StageKey).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, StringComparer.Ordinal, cancellationToken);

    public async Task<LeadDetails?> GetAsync(long id, CancellationToken cancellationToken)
    {
        var l = await db.Leads.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (l is null)
        {
            return null;
        }

        var form = await db.IntegrationForms.AsNoTracking().Where(f => f.IntegrationId == l.IntegrationId && f.FormId == l.FormId).FirstOrDefaultAsync(cancellationToken)
            ?? await db.IntegrationForms.AsNoTracking().Where(f => f.FormId == l.FormId).OrderByDescending(f => f.RefreshedAt).FirstOrDefaultAsync(cancellationToken);
        return new LeadDetails(
            l.Id, l.FacebookLeadId, l.IntegrationId, l.PageId, l.FormId, l.FormName, l.FullName, l.FirstName, l.LastName, l.Email, l.Phone,
            new LeadAttribution(l.AdId, l.AdName, l.AdsetId, l.AdsetName, l.CampaignId, l.CampaignName, l.IsOrganic, l.Platform), l.CreatedTime, l.FirstSeenAt,
            l.Source, l.WelcomeStatus, JsonSerializer.Deserialize<List<LeadAnswer>>(l.AnswersJson, JsonSerializerOptions.Web) ?? [])
        {
            CreatedTimeKnown = l.CreatedTimeKnown,
            PartnerName = l.PartnerName,
            RetailerItemId = l.RetailerItemId,
            HomeListingId = l.HomeListingId,
            VehicleId = l.VehicleId,
            PostId = l.PostId,
            Consents = l.Consents,
            StageKey = l.StageKey,
            Questions = form?.Questions ?? [],
        };
    }

    public async Task<IReadOnlyList<RetrievalRunView>> ListRunsAsync(int take, CancellationToken cancellationToken) =>
        (await db.RetrievalRuns.AsNoTracking().OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.Id).Take(take).ToListAsync(cancellationToken))
            .Select(r => View(r, withItems: false)).ToList();

    public async Task<RetrievalRunView?> GetRunAsync(long id, CancellationToken cancellationToken) =>
        await db.RetrievalRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken) is { } run ? View(run, withItems: true) : null;

    public async Task<IReadOnlyList<LeadSourceCount>> CountBySourceAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var since30 = now.AddDays(-30);
        var since7 = now.AddDays(-7);
        var since1 = now.AddDays(-1);
        return await db.Leads.AsNoTracking()
            .Where(l => l.FirstSeenAt >= since30 && l.IntegrationId != null)
            .Join(
                db.Integrations.AsNoTracking().Where(i => i.SubscriptionConfirmedAt != null),
                l => l.IntegrationId,
                i => (int?)i.Id,
                (l, i) => new { l.IntegrationId, l.Source, l.FirstSeenAt, l.CreatedTime, Confirmed = i.SubscriptionConfirmedAt!.Value })
            .Where(l => l.CreatedTime >= l.Confirmed)
            .GroupBy(l => new { l.IntegrationId, l.Source })
            .Select(g => new LeadSourceCount(g.Key.IntegrationId!.Value, g.Key.Source, g.Count(), g.Count(l => l.FirstSeenAt >= since7), g.Count(l => l.FirstSeenAt >= since1)))
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, LeadArrival>> ArrivalsAsync(IReadOnlyCollection<string> facebookLeadIds, CancellationToken cancellationToken) =>
        await db.Leads.AsNoTracking()
            .Where(l => facebookLeadIds.Contains(l.FacebookLeadId))
            .Select(l => new LeadArrival(l.FacebookLeadId, l.FirstSeenAt, l.Source))
            .ToDictionaryAsync(a => a.FacebookLeadId, StringComparer.Ordinal, cancellationToken);

    public async Task<IReadOnlyList<LeadFailureView>> ListFailuresAsync(int take, CancellationToken cancellationToken) =>
        await db.LeadFailures.AsNoTracking()
            .OrderByDescending(f => f.LastFailedAt).ThenByDescending(f => f.Id)
            .Take(take)
            .Select(f => new LeadFailureView(
                f.FacebookLeadId, f.IntegrationId, f.FormId, f.Source, f.Reason, f.FirstFailedAt, f.LastFailedAt, f.Attempts,
                db.Leads.Where(l => l.FacebookLeadId == f.FacebookLeadId).Select(l => (long?)l.Id).FirstOrDefault()))
            .ToListAsync(cancellationToken);

    private static RetrievalRunView View(RetrievalRun r, bool withItems) => new(
        r.Id, r.IntegrationId, r.FormId, r.FormName, r.Trigger, r.Since, r.Until, r.StartedAt, r.FinishedAt, r.Retrieved, r.Created, r.Existing, r.Failed,
        r.Outcome, r.Error, withItems ? JsonSerializer.Deserialize<List<ProcessedLead>>(r.ItemsJson, JsonSerializerOptions.Web) : null)
    {
        Warning = r.Warning,
    };
}
