using System.Diagnostics;
using System.Text.Json;

namespace LeadOps.Application.Leads;

/// <summary>
/// The retrieval loop shared by manual, bulk and scheduled runs: walks a form's Graph pages and stores each
/// (<see cref="LeadPageStore"/>), beating the run's heartbeat while it works. The form's watermark moves only when the
/// whole walk succeeded, and never past a lead that failed to store; a walk Graph cut short (a cursor that kept
/// repeating, or pages of leads already read under ever new cursors) keeps its leads, warns, and leaves the watermark
/// where it was. A new run first becomes the form's one run
/// under way (<see cref="IRetrievalRunRepository.StartAsync"/>); when another run holds the form nothing is read
/// (<see cref="RetrievalSummary.UnderWayRunId"/>), and the schedule records on the sync history that it skipped the form.
/// Leads stored without fields Graph refused for the page (<see cref="FacebookLeadPage.LeftOutFields"/>) are a run's warning
/// too, but not one that holds the watermark back: nothing was missed.
/// </summary>
internal sealed class LeadRetriever(
    ILeadSource source,
    LeadPageStore pages,
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

    public async Task<RetrievalSummary> RetrieveAsync(Integration integration, IntegrationForm form, RetrievalPlan plan, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var run = plan.RunId is { } id ? await runs.GetAsync(id, ct) : null;
        run?.Describe(form.Name, plan.Trigger, plan.Since, plan.Until);
        if (run is null)
        {
            run = RetrievalRun.Start(integration.Id, form.FormId, clock.GetUtcNow());
            run.Describe(form.Name, plan.Trigger, plan.Since, plan.Until);
            if (await runs.StartAsync(run, clock.GetUtcNow(), ct) is { } underWay)
            {
                if (plan.Trigger == RetrievalTrigger.Scheduled)
                {
                    await runs.RecordSkipAsync(underWay, form.Name, clock.GetUtcNow(), ct);
                }

                logger.LogInformation("Retrieval of form {FormId} on integration {IntegrationId} not started: run {RunId} is under way", form.FormId, integration.Id, underWay.Id);
                return RetrievalSummary.NotStarted(underWay.Id);
            }
        }

        run.Beat(clock.GetUtcNow());
        var walkStartedAt = clock.GetUtcNow();
        var processed = new ProcessedLeadList();
        DateTimeOffset? earliestFailure = null;
        GraphFailure? failure = null;
        // The page warnings in the order they came; null marks where leads were first stored without a refused field.
        var warnings = new List<string?>();
        var leftOut = new List<string>();
        await unitOfWork.SaveChangesAsync(ct);

        await using (new RunKeepAlive(runs, run.Id, clock, logger))
        {
            // A walk that a transient fault stops (after the client's own retries) is walked once more; leads this run
            // already handled are skipped, so nothing is counted twice.
            for (var walk = 1; ; walk++)
            {
                try
                {
                    await foreach (var page in source.GetLeadPagesAsync(protector.CredentialsFor(integration), form.FormId, plan.Since, plan.Until, ct))
                    {
                        var createdBefore = run.Created;
                        var pageFailure = await pages.StoreAsync([.. page.Where(l => !processed.Contains(l.Id))], integration, form, plan, processed, run, ct);
                        earliestFailure = Min(earliestFailure, pageFailure);
                        if (run.Created > createdBefore && page is FacebookLeadPage { LeftOutFields: { Count: > 0 } fields })
                        {
                            if (leftOut.Count == 0)
                            {
                                warnings.Add(null);
                            }

                            leftOut.AddRange(fields.Except(leftOut, StringComparer.Ordinal));
                        }

                        // After the page's refused fields: Graph refused them on its first read, before its paging ended the walk.
                        if (page is FacebookLeadPage { Warning: { } warning } && !warnings.Contains(warning, StringComparer.Ordinal))
                        {
                            warnings.Add(warning);
                        }

                        await unitOfWork.SaveChangesAsync(ct);
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
        }

        var now = clock.GetUtcNow();
        if (failure is not null)
        {
            integration.RecordFailure(failure);
            logger.LogWarning("Retrieval of form {FormId} on integration {IntegrationId} stopped: {FailureKind} (code {Code})", form.FormId, integration.Id, failure.Kind, failure.Code);
        }
        else if (warnings.OfType<string>().ToList() is { Count: > 0 } early)
        {
            form.RecordIncompleteSync(now, run.Created);
            logger.LogWarning("Retrieval of form {FormId} on integration {IntegrationId} ended early: {Warning}", form.FormId, integration.Id, string.Join(" ", early));
        }
        else
        {
            form.RecordSync(plan.Since, HandledUpTo(plan.Until, walkStartedAt, earliestFailure), now, run.Created);
        }

        foreach (var warning in warnings)
        {
            // A page warning only when Graph did not stop the run (its error says more); the left-out fields always: every
            // lead was read and the watermark moves as usual, the run only says what the leads it stored lack.
            if (warning is null || failure is null)
            {
                run.Warn(warning ?? FacebookLeadPage.LeftOutNote(leftOut)!);
            }
        }

        run.Finish(now, failure is null ? null : GraphFailureText.Describe(failure), JsonSerializer.Serialize(processed.Take(StoredItemsCap), JsonSerializerOptions.Web));
        await unitOfWork.SaveChangesAsync(ct);
        metrics.RetrievalFinished(Stopwatch.GetElapsedTime(started), plan.Trigger);
        logger.LogInformation(
            "Retrieval run {RunId} of form {FormId}: {Retrieved} retrieved, {Created} new, {Existing} existing, {Failed} failed, outcome {Outcome}",
            run.Id, form.FormId, run.Retrieved, run.Created, run.Existing, run.Failed, run.Outcome);
        return new RetrievalSummary(run.Id, run.Retrieved, run.Created, run.Existing, run.Failed, processed, failure) { Warning = run.Warning };
    }

    /// <summary>
    /// Everything Graph had up to the walk's start (or the chosen upper bound) is now handled, except failures: the
    /// watermark stops a second before the earliest one (never below the earliest time there is).
    /// </summary>
    private static DateTimeOffset HandledUpTo(DateTimeOffset? until, DateTimeOffset walkStartedAt, DateTimeOffset? earliestFailure)
    {
        var handledUpTo = until is { } u && u < walkStartedAt ? u : walkStartedAt;
        if (earliestFailure is { } f && f < handledUpTo)
        {
            handledUpTo = f > DateTimeOffset.MinValue.AddSeconds(1) ? f.AddSeconds(-1) : DateTimeOffset.MinValue;
        }

        return handledUpTo;
    }

    /// <summary>Transient faults, and throttles that named no time to wait, may clear on another walk.</summary>
    private static bool WorthAnotherWalk(GraphFailure failure) =>
        failure.Kind == GraphFailureKind.Transient || (failure.Kind == GraphFailureKind.RateLimited && failure.RetryAfter is null);

    private static DateTimeOffset? Min(DateTimeOffset? a, DateTimeOffset? b) =>
        a is null ? b : b is null ? a : (a < b ? a : b);
}
