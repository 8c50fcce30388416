using LeadOps.Application.Leads.Commands;
using Mediator;

namespace LeadOps.Infrastructure.Scheduling;

/// <summary>
/// Runs the syncs staff enabled on the Integrations page: each due form is retrieved as its owner, from its
/// watermark minus the overlap. A form that fails is recorded (in its run) and tried again next time; it never
/// stops the others.
/// </summary>
public sealed class ScheduledRetrieval(
    IServiceScopeFactory scopes,
    IOwnerScopeFactory ownerScopes,
    IOptions<SchedulingOptions> options,
    WorkerHealth health,
    TimeProvider clock,
    ILogger<ScheduledRetrieval> logger)
{
    public const string WorkerName = "scheduled-retrieval";

    /// <summary>Retrieves every due form; returns how many forms were run.</summary>
    public async Task<int> RunDueAsync(CancellationToken ct)
    {
        var due = await DueFormsAsync(ct);
        foreach (var form in due)
        {
            try
            {
                await using var scope = ownerScopes.CreateScope(form.OwnerId);
                var since = form.Watermark is { } watermark ? watermark - options.Value.Overlap : (DateTimeOffset?)null;
                await scope.ServiceProvider.GetRequiredService<ISender>()
                    .Send(new RetrieveFacebookLeads(form.IntegrationId, form.FormId, since, null, RetrievalTrigger.Scheduled), ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Scheduled retrieval of form {FormId} on integration {IntegrationId} failed", form.FormId, form.IntegrationId);
            }
        }

        health.Beat(WorkerName, options.Value.PollInterval, $"{due.Count} forms run");
        return due.Count;
    }

    /// <summary>
    /// Finding due forms looks across owners by design (the scheduler acts for everyone): it bypasses only the named
    /// owner filter and returns ids; each retrieval then runs as its owner.
    /// </summary>
    private async Task<List<DueForm>> DueFormsAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LeadOpsDbContext>();
        var now = clock.GetUtcNow();
        var candidates = await db.IntegrationForms.IgnoreQueryFilters([LeadOpsDbContext.OwnerFilter]).AsNoTracking()
            .Where(f => f.SyncEnabled)
            .Join(db.Integrations.IgnoreQueryFilters([LeadOpsDbContext.OwnerFilter]).Where(i => !i.IsDisabled && !i.NeedsReconnect),
                f => f.IntegrationId, i => i.Id, (f, i) => new DueForm(f.OwnerId, f.IntegrationId, f.FormId, f.Watermark, f.LastSyncedAt, f.SyncIntervalMinutes))
            .ToListAsync(ct);
        return [.. candidates.Where(f => f.LastSyncedAt is null || f.LastSyncedAt.Value.AddMinutes(f.IntervalMinutes) <= now)];
    }

    private sealed record DueForm(string OwnerId, int IntegrationId, string FormId, DateTimeOffset? Watermark, DateTimeOffset? LastSyncedAt, int IntervalMinutes);
}
