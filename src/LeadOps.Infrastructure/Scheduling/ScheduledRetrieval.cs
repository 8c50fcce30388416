using System.Linq.Expressions;
using LeadOps.Application.Integrations.Commands;
using LeadOps.Application.Leads.Commands;
using Mediator;

namespace LeadOps.Infrastructure.Scheduling;

/// <summary>
/// One pass of the lossless schedule (ADR 0010), every <see cref="SchedulingOptions.PollInterval"/>: runs whose process
/// went quiet are marked Interrupted; each enabled page is checked hourly (subscription, lead access, questions) and
/// probed every minute (Meta's counts); then every due form is retrieved as its owner, from its watermark minus the
/// overlap (or whole, when its reconciliation asked). Whatever fails for one page or form is logged and tried again
/// next time; it never stops the others.
/// </summary>
public sealed class ScheduledRetrieval(
    IServiceScopeFactory scopes,
    IOwnerScopeFactory ownerScopes,
    InterruptedRuns interruptedRuns,
    IOptions<SchedulingOptions> options,
    WorkerHealth health,
    TimeProvider clock,
    ILogger<ScheduledRetrieval> logger)
{
    public const string WorkerName = "scheduled-retrieval";

    /// <summary>The integrations the schedule works for: enabled, with a usable token and a page.</summary>
    private static readonly Expression<Func<Integration, bool>> Syncable =
        i => !i.IsDisabled && !i.NeedsReconnect && i.ProtectedToken != "" && i.PageId != "";

    /// <summary>Runs one pass; returns how many forms were retrieved.</summary>
    public async Task<int> RunDueAsync(CancellationToken ct)
    {
        var cadence = options.Value.Cadence;
        await interruptedRuns.MarkAsync(ct);
        var now = clock.GetUtcNow();
        foreach (var page in await PagesAsync(ct))
        {
            if (page.PausedUntil is { } paused && now < paused)
            {
                continue;
            }

            if (page.CheckedAt is not { } checkedAt || now - checkedAt >= cadence.PageCheckInterval)
            {
                await SendAsync(page.OwnerId, new CheckLeadDelivery(page.IntegrationId), "page check", page.IntegrationId, ct);
            }

            if (page.ProbedAt is not { } probedAt || now - probedAt >= cadence.ProbeInterval)
            {
                await SendAsync(page.OwnerId, new ProbeLeadForms(page.IntegrationId), "form probe", page.IntegrationId, ct);
            }
        }

        now = clock.GetUtcNow();
        var due = (await FormsAsync(ct)).Where(f => f.IsDueAt(now, cadence)).ToList();
        var throttled = new HashSet<int>();
        var run = 0;
        foreach (var form in due.Where(f => !throttled.Contains(f.IntegrationId)))
        {
            var command = new RetrieveFacebookLeads(form.IntegrationId, form.FormId, form.SinceFor(cadence), null, RetrievalTrigger.Scheduled);
            var result = await SendAsync(form.OwnerId, command, form.FormId, form.IntegrationId, ct);
            run += result?.Status == Application.Common.ResultStatus.Conflict ? 0 : 1; // a form another run holds was skipped (recorded on the sync history)
            if (result?.Value?.Failure?.Kind == GraphFailureKind.RateLimited)
            {
                // Graph throttled the page: its other forms wait for the pause the retrieval just set.
                throttled.Add(form.IntegrationId);
            }
        }

        health.Beat(WorkerName, options.Value.PollInterval, $"{run} forms run");
        return run;
    }

    private async Task<T?> SendAsync<T>(string ownerId, ICommand<T> command, string what, int integrationId, CancellationToken ct)
    {
        try
        {
            await using var scope = ownerScopes.CreateScope(ownerId);
            return await scope.ServiceProvider.GetRequiredService<ISender>().Send(command, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Scheduled {What} on integration {IntegrationId} failed", what, integrationId);
            return default;
        }
    }

    /// <summary>
    /// The enabled pages looked across owners by design (the schedule acts for everyone): bypasses only the named owner
    /// filter and returns ids, owners and times; each check and probe then runs as its owner.
    /// </summary>
    private async Task<List<PageSchedule>> PagesAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LeadOpsDbContext>();
        return await db.Integrations.IgnoreQueryFilters([LeadOpsDbContext.OwnerFilter]).AsNoTracking()
            .Where(Syncable)
            .Select(i => new PageSchedule(i.OwnerId, i.Id, i.PageCheckedAt, i.FormsProbedAt, i.SyncPausedUntil))
            .ToListAsync(ct);
    }

    /// <summary>
    /// The forms the schedule syncs (on, of an enabled integration with a usable token; active or listed without a status,
    /// or archived with a sync that Meta's count or a reconciliation asked for: a lead submitted just before its form was
    /// archived, whose webhook was lost; never deleted), looked across owners by design: bypasses only the named owner filter and returns ids and
    /// times; each retrieval then runs as its owner.
    /// </summary>
    private async Task<List<FormSchedule>> FormsAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LeadOpsDbContext>();
        return await db.IntegrationForms.IgnoreQueryFilters([LeadOpsDbContext.OwnerFilter]).AsNoTracking()
            .Where(f => f.SyncEnabled && f.Status != IntegrationForm.Deleted && (f.Status == IntegrationForm.Active || f.Status == IntegrationForm.NoStatus || f.SyncRequestedAt != null || f.FullWalkRequestedAt != null))
            .Join(db.Integrations.IgnoreQueryFilters([LeadOpsDbContext.OwnerFilter]).Where(Syncable),
                f => f.IntegrationId, i => i.Id,
                (f, i) => new FormSchedule(f.OwnerId, f.IntegrationId, f.FormId, f.Watermark, f.LastSyncedAt, f.SyncRequestedAt, f.FullWalkRequestedAt,
                    i.LeadgenSubscribed, i.LastMissAt, i.SyncPausedUntil))
            .ToListAsync(ct);
    }

    private sealed record PageSchedule(string OwnerId, int IntegrationId, DateTimeOffset? CheckedAt, DateTimeOffset? ProbedAt, DateTimeOffset? PausedUntil);
}
