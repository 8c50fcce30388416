using LeadOps.Application.Leads.Conversions;
using LeadOps.Domain.Leads.Conversions;
using Mediator;

namespace LeadOps.Infrastructure.Conversions;

/// <summary>
/// Sends due Conversions API events (ADR 0023). Each row is claimed with one conditional UPDATE (a lease in
/// <c>ClaimedBy</c>/<c>ClaimedUntil</c>), so workers on any number of nodes never take the same row, then sent and
/// recorded as its owner (<see cref="DeliverConversionEvent"/>). A worker that dies after Meta accepted the event but
/// before recording it leaves the claim to lapse; the event is then sent again (Meta counts it twice: a crash there is
/// the one way to duplicate, as for the welcome outbox, ADR 0004).
/// </summary>
internal sealed class ConversionsOutboxWorker(
    IServiceScopeFactory scopes,
    IOwnerScopeFactory ownerScopes,
    ConversionsSignal signal,
    WorkerHealth health,
    IOptions<ConversionsOptions> options,
    TimeProvider clock,
    ILogger<ConversionsOutboxWorker> logger) : PollingWorker(signal, health, logger)
{
    public const string WorkerName = "conversions";
    private static readonly TimeSpan DisabledInterval = TimeSpan.FromDays(3650);

    public string Id { get; } = NewId();

    protected override string Name => WorkerName;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.PollInterval;
        if (!options.Value.WorkerEnabled)
        {
            Health.Beat(WorkerName, DisabledInterval, "not running on this node (Conversions:WorkerEnabled=false)");
            return;
        }

        Health.Beat(WorkerName, interval, "starting");
        await PollAsync(interval, stoppingToken);
    }

    public override async Task<int> ProcessDueAsync(CancellationToken cancellationToken)
    {
        var handled = 0;
        foreach (var (id, ownerId) in await FindDueAsync(cancellationToken))
        {
            if (await TrySendAsync(id, ownerId, cancellationToken))
            {
                handled++;
            }
        }

        return handled;
    }

    private static string NewId()
    {
        var id = string.Create(CultureInfo.InvariantCulture, $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}");
        return id.Length <= ConversionEvent.ClaimedByLength ? id : id[^ConversionEvent.ClaimedByLength..];
    }

    /// <summary>The scan looks across owners by design (the worker serves everyone): ids only; each row is then sent as its owner.</summary>
    private async Task<IReadOnlyList<(long Id, string OwnerId)>> FindDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LeadOpsDbContext>();
        var now = clock.GetUtcNow();
        var due = await db.ConversionEvents.IgnoreQueryFilters([LeadOpsDbContext.OwnerFilter]).AsNoTracking()
            .Where(e => e.Status == ConversionEventStatus.Pending && e.NextAttemptAt <= now)
            .Where(e => e.ClaimedUntil == null || e.ClaimedUntil <= now)
            .OrderBy(e => e.NextAttemptAt).ThenBy(e => e.Id)
            .Select(e => new { e.Id, e.OwnerId })
            .Take(options.Value.BatchSize)
            .ToListAsync(cancellationToken);
        return [.. due.Select(e => (e.Id, e.OwnerId))];
    }

    private async Task<bool> TrySendAsync(long id, string ownerId, CancellationToken cancellationToken)
    {
        await using var scope = ownerScopes.CreateScope(ownerId);
        var db = scope.ServiceProvider.GetRequiredService<LeadOpsDbContext>();
        var now = clock.GetUtcNow();
        var leaseEnd = now + options.Value.ClaimLease;
        var claimed = await db.ConversionEvents
            .Where(e => e.Id == id && e.Status == ConversionEventStatus.Pending && e.NextAttemptAt <= now)
            .Where(e => e.ClaimedUntil == null || e.ClaimedUntil <= now)
            .ExecuteUpdateAsync(
                s => s.SetProperty(e => e.ClaimedBy, Id).SetProperty(e => e.ClaimedUntil, leaseEnd).SetProperty(e => e.Attempts, e => e.Attempts + 1),
                cancellationToken);
        if (claimed == 0)
        {
            return false;
        }

        try
        {
            await scope.ServiceProvider.GetRequiredService<ISender>().Send(new DeliverConversionEvent(id, Id), cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            Logger.LogWarning("Conversions API event {ConversionEventId}: the claim lapsed before the outcome was recorded", id);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            Logger.LogError(ex, "Conversions API event {ConversionEventId} failed unexpectedly; it will be tried again after its claim lapses", id);
        }

        return true;
    }
}
