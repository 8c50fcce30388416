using System.Diagnostics;
using System.Text.Json;

namespace LeadOps.Application.Leads;

/// <summary>
/// The retrieval loop shared by manual, bulk and scheduled runs. Per Graph page: one query for the ids that
/// already exist, one insert of the new leads with their outbox rows, one transaction. The form's watermark moves
/// only when the whole walk succeeded, and never past a lead that failed to store.
/// </summary>
internal sealed class LeadRetriever(
    ILeadSource source,
    ILeadRepository leads,
    IRetrievalRunRepository runs,
    ITokenProtector protector,
    IUnitOfWork unitOfWork,
    LeadMetrics metrics,
    TimeProvider clock,
    ILogger<LeadRetriever> logger)
{
    /// <summary>Processed leads kept on the run for the results page; the API answer carries them all.</summary>
    private const int StoredItemsCap = 1000;

    /// <summary>How many times a form's walk is started when transient faults stop it.</summary>
    private const int MaxWalks = 2;

    public async Task<GraphFailure?> RefreshFormsAsync(Integration integration, IFacebookPageGateway pages, CancellationToken ct)
    {
        GraphFailure? failure = null;
        try
        {
            var forms = await pages.GetLeadFormsAsync(new GraphCredentials(integration.PageId, protector.Unprotect(integration.ProtectedToken)), ct);
            integration.MergeForms(forms, clock.GetUtcNow());
        }
        catch (GraphApiException ex)
        {
            integration.RecordFailure(ex.Failure);
            failure = ex.Failure;
        }

        // Saved here either way, so that every caller keeps the forms or what Graph said (e.g. "needs reconnect").
        await unitOfWork.SaveChangesAsync(ct);
        return failure;
    }

    public async Task<RetrievalSummary> RetrieveAsync(
        Integration integration,
        IntegrationForm form,
        DateTimeOffset? since,
        DateTimeOffset? until,
        RetrievalTrigger trigger,
        long? existingRunId,
        CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var run = existingRunId is { } id ? await runs.GetAsync(id, ct) : null;
        if (run is null)
        {
            run = RetrievalRun.Start(integration.Id, form.FormId, clock.GetUtcNow());
            runs.Add(run);
        }

        run.Describe(form.Name, trigger, since, until);
        var walkStartedAt = clock.GetUtcNow();
        var processed = new ProcessedLeadList();
        DateTimeOffset? earliestFailure = null;
        GraphFailure? failure = null;
        var leadSource = trigger == RetrievalTrigger.Scheduled ? LeadSource.ScheduledRetrieval : LeadSource.ManualRetrieval;
        var credentials = new GraphCredentials(integration.PageId, protector.Unprotect(integration.ProtectedToken));
        await unitOfWork.SaveChangesAsync(ct);

        // A walk that a transient fault stops (after the client's own retries) is walked once more; leads this run
        // already handled are skipped, so nothing is counted twice.
        for (var walk = 1; ; walk++)
        {
            try
            {
                await foreach (var page in source.GetLeadPagesAsync(credentials, form.FormId, since, until, ct))
                {
                    var pageFailure = await StorePageAsync([.. page.Where(l => !processed.Contains(l.Id))], integration, form, leadSource, processed, run, ct);
                    earliestFailure = Min(earliestFailure, pageFailure);
                }

                failure = null;
                break;
            }
            catch (GraphApiException ex) when (walk < MaxWalks && WorthAnotherWalk(ex.Failure))
            {
                logger.LogInformation("Retrieval of form {FormId} hit {FailureKind}; walking it once more", form.FormId, ex.Failure.Kind);
            }
            catch (GraphApiException ex)
            {
                failure = ex.Failure;
                break;
            }
        }

        if (failure is not null)
        {
            integration.RecordFailure(failure);
            logger.LogWarning("Retrieval of form {FormId} on integration {IntegrationId} stopped: {FailureKind} (code {Code})", form.FormId, integration.Id, failure.Kind, failure.Code);
        }

        var now = clock.GetUtcNow();
        if (failure is null)
        {
            // Everything Graph had up to the walk's start (or the chosen upper bound) is now handled, except failures.
            var handledUpTo = until is { } u && u < walkStartedAt ? u : walkStartedAt;
            if (earliestFailure is { } f && f < handledUpTo)
            {
                handledUpTo = f.AddSeconds(-1);
            }

            form.RecordSync(since, handledUpTo, now);
        }

        run.Finish(now, failure is null ? null : GraphFailureText.Describe(failure), JsonSerializer.Serialize(processed.Take(StoredItemsCap), JsonSerializerOptions.Web));
        await unitOfWork.SaveChangesAsync(ct);
        metrics.RetrievalFinished(Stopwatch.GetElapsedTime(started), trigger);
        logger.LogInformation(
            "Retrieval run {RunId} of form {FormId}: {Retrieved} retrieved, {Created} new, {Existing} existing, {Failed} failed, outcome {Outcome}",
            run.Id, form.FormId, run.Retrieved, run.Created, run.Existing, run.Failed, run.Outcome);
        return new RetrievalSummary(run.Id, run.Retrieved, run.Created, run.Existing, run.Failed, processed, failure);
    }

    /// <summary>Stores one Graph page; returns the earliest created_time among leads that failed, if any.</summary>
    private async Task<DateTimeOffset?> StorePageAsync(
        IReadOnlyList<FacebookLeadData> page,
        Integration integration,
        IntegrationForm form,
        LeadSource leadSource,
        ProcessedLeadList processed,
        RetrievalRun run,
        CancellationToken ct)
    {
        DateTimeOffset? earliestFailure = null;
        if (page.Count == 0)
        {
            return null;
        }

        var unique = page.Where(l => !string.IsNullOrEmpty(l.Id)).DistinctBy(l => l.Id).ToList();
        var existing = await leads.GetExistingFacebookLeadIdsAsync([.. unique.Select(l => l.Id)], ct);
        var now = clock.GetUtcNow();
        var toInsert = new List<Lead>();
        foreach (var data in unique)
        {
            if (existing.TryGetValue(data.Id, out var stored))
            {
                processed.Add(data.Id, ProcessedLeadStatus.Existing, stored.Id, stored.Name);
                continue;
            }

            var (lead, error) = LeadMapping.FromFacebook(data, integration.Id, integration.PageId, form.FormId, form.Name, leadSource, now);
            if (lead is null || error is not null)
            {
                processed.Add(data.Id, ProcessedLeadStatus.Failed, null, null, error);
                earliestFailure = Min(earliestFailure, data.CreatedTime ?? DateTimeOffset.MinValue);
                continue;
            }

            lead.PlanWelcome(integration.WelcomeEnabled);
            toInsert.Add(lead);
        }

        var inserted = toInsert.Count > 0 ? await leads.InsertNewAsync(toInsert, now, ct) : new HashSet<string>();
        foreach (var lead in toInsert)
        {
            if (inserted.Contains(lead.FacebookLeadId))
            {
                processed.Add(lead.FacebookLeadId, ProcessedLeadStatus.Created, lead.Id, lead.DisplayName);
            }
            else
            {
                processed.Add(lead.FacebookLeadId, ProcessedLeadStatus.Existing, null, null);
            }
        }

        var created = inserted.Count;
        var failed = unique.Count - existing.Count - toInsert.Count;
        var lostRace = toInsert.Count - created; // another run stored them first: they count as existing
        run.CountPage(unique.Count, created, existing.Count + lostRace, failed);
        metrics.LeadsProcessed(unique.Count, created, existing.Count + lostRace, failed);
        await unitOfWork.SaveChangesAsync(ct);
        return earliestFailure;
    }

    /// <summary>Transient faults, and throttles that named no time to wait, may clear on another walk.</summary>
    private static bool WorthAnotherWalk(GraphFailure failure) =>
        failure.Kind == GraphFailureKind.Transient || (failure.Kind == GraphFailureKind.RateLimited && failure.RetryAfter is null);

    private static DateTimeOffset? Min(DateTimeOffset? a, DateTimeOffset? b) =>
        a is null ? b : b is null ? a : (a < b ? a : b);
}
