namespace LeadOps.Application.Leads;

/// <summary>
/// Stores one Graph page of a retrieval: one query for the ids that already exist, one insert of the new leads with
/// their welcome outbox rows (each lead's welcome planned first), the page's counts on the run. A new lead created
/// after the page's webhook subscription was confirmed is one the webhook missed: the integration remembers when. A lead
/// Graph listed without an id cannot be stored (no id is made up for it): it counts as failed, says why, and is logged.
/// A stored lead Graph first sent without answers takes them in when this page brings them (<see cref="LeadAnswersFiller"/>)
/// and still counts as existing.
/// </summary>
internal sealed class LeadPageStore(
    ILeadRepository leads, LeadAnswersFiller answers, WelcomePlanner welcome, LeadFollowUpPlanner followUps, LeadMetrics metrics, TimeProvider clock, ILogger<LeadPageStore> logger)
{
    /// <summary>Returns the earliest known created_time among leads that failed, if any (the watermark stops before it).</summary>
    public async Task<DateTimeOffset?> StoreAsync(
        IReadOnlyList<FacebookLeadData> page,
        Integration integration,
        IntegrationForm form,
        RetrievalPlan plan,
        ProcessedLeadList processed,
        RetrievalRun run,
        CancellationToken ct)
    {
        if (page.Count == 0)
        {
            return null;
        }

        DateTimeOffset? earliestFailure = null;
        var source = plan.Trigger == RetrievalTrigger.Scheduled ? LeadSource.ScheduledRetrieval : LeadSource.ManualRetrieval;
        var unique = page.Where(l => !string.IsNullOrEmpty(l.Id)).DistinctBy(l => l.Id).ToList();
        var withoutId = page.Where(l => string.IsNullOrEmpty(l.Id)).ToList();
        foreach (var data in withoutId)
        {
            processed.Add(string.Empty, ProcessedLeadStatus.Failed, null, null, data.Problem ?? FacebookLeadData.NoIdProblem);
            earliestFailure = Earliest(earliestFailure, data.CreatedTime);
        }

        if (withoutId.Count > 0)
        {
            logger.LogWarning(
                "Graph listed {Count} lead(s) without an id on form {FormId} (run {RunId}): counted as failed, not stored", withoutId.Count, form.FormId, run.Id);
        }

        var existing = await leads.GetExistingFacebookLeadIdsAsync([.. unique.Select(l => l.Id)], ct);
        var now = clock.GetUtcNow();
        var rules = welcome.RulesFor(integration, form, plan.SendWelcome, now);
        var toInsert = new List<Lead>();
        LeadFollowUps? asked = null;
        await answers.FillInAsync(unique, existing, ct);
        foreach (var data in unique)
        {
            if (existing.TryGetValue(data.Id, out var stored))
            {
                processed.Add(data.Id, ProcessedLeadStatus.Existing, stored.Id, stored.Name);
                continue;
            }

            var (lead, error) = LeadMapping.FromFacebook(data, integration.Id, integration.PageId, form.FormId, form.Name, source, now);
            if (lead is null)
            {
                processed.Add(data.Id, ProcessedLeadStatus.Failed, null, null, error);
                earliestFailure = Earliest(earliestFailure, data.CreatedTime);
                continue;
            }

            asked ??= await followUps.ForAsync(integration, ct);
            lead.PlanWelcome(rules, asked);
            toInsert.Add(lead);
        }

        var inserted = toInsert.Count > 0 ? await leads.InsertNewAsync(toInsert, ct) : new HashSet<string>();
        foreach (var lead in toInsert)
        {
            if (inserted.Contains(lead.FacebookLeadId))
            {
                processed.Add(lead.FacebookLeadId, ProcessedLeadStatus.Created, lead.Id, lead.DisplayName);
                if (lead.CreatedTimeKnown)
                {
                    integration.RecordFoundByRetrieval(lead.CreatedTime, now);
                }
            }
            else
            {
                processed.Add(lead.FacebookLeadId, ProcessedLeadStatus.Existing, null, null);
            }
        }

        var created = inserted.Count;
        var failed = unique.Count - existing.Count - toInsert.Count + withoutId.Count;
        var lostRace = toInsert.Count - created; // another run stored them first: they count as existing
        run.CountPage(unique.Count + withoutId.Count, created, existing.Count + lostRace, failed);
        run.Beat(now);
        metrics.LeadsProcessed(unique.Count + withoutId.Count, created, existing.Count + lostRace, failed);
        return earliestFailure;
    }

    private static DateTimeOffset? Earliest(DateTimeOffset? earliest, DateTimeOffset? failedAt) =>
        failedAt is { } f && (earliest is not { } e || f < e) ? f : earliest;
}
