using LeadOps.Application.Leads.Welcome;
using Mediator;

namespace LeadOps.Infrastructure.Welcome;

/// <summary>
/// Sends due welcome messages. Each row is claimed with one atomic conditional UPDATE (a lease in
/// <c>ClaimedBy</c>/<c>ClaimedUntil</c>), so any number of workers on any number of nodes never take the same row;
/// the message is then delivered and recorded as its owner. A worker that dies after sending but before recording
/// leaves its claim to lapse, and the row is sent once more with the same Message-ID (ADR 0004).
/// </summary>
internal sealed class WelcomeOutboxWorker(
    IServiceScopeFactory scopes,
    IOwnerScopeFactory ownerScopes,
    WelcomeSignal signal,
    WorkerHealth health,
    IOptions<WelcomeOptions> options,
    TimeProvider clock,
    ILogger<WelcomeOutboxWorker> logger) : PollingWorker(signal, health, logger)
{
    public const string WorkerName = "welcome";
    private static readonly TimeSpan DisabledInterval = TimeSpan.FromDays(3650);

    /// <summary>This worker's name in <c>ClaimedBy</c>: machine, process and instance.</summary>
    public string Id { get; } = NewId();

    protected override string Name => WorkerName;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.PollInterval;
        if (!options.Value.WorkerEnabled)
        {
            Health.Beat(WorkerName, DisabledInterval, "not running on this node (Welcome:WorkerEnabled=false)");
            return;
        }

        Health.Beat(WorkerName, interval, "starting");
        await PollAsync(interval, stoppingToken);
    }

    /// <summary>
    /// One pass: claims and delivers the messages due now (up to <c>Welcome:BatchSize</c>); returns how many this
    /// worker claimed and handled. Rows another worker claims first are left to it.
    /// </summary>
    public override async Task<int> ProcessDueAsync(CancellationToken cancellationToken)
    {
        var handled = 0;
        foreach (var (id, ownerId) in await FindDueAsync(cancellationToken))
        {
            if (await TryDeliverAsync(id, ownerId, cancellationToken))
            {
                handled++;
            }
        }

        return handled;
    }

    private static string NewId()
    {
        var id = string.Create(CultureInfo.InvariantCulture, $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}");
        return id.Length <= 100 ? id : id[^100..];
    }

    /// <summary>
    /// The scan looks across owners by design (the worker serves everyone): it bypasses only the named owner filter
    /// and returns ids; each row is then claimed and delivered in a scope acting as its owner.
    /// </summary>
    private async Task<IReadOnlyList<(long Id, string OwnerId)>> FindDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LeadOpsDbContext>();
        var now = clock.GetUtcNow();
        var due = await db.OutboxMessages.IgnoreQueryFilters([LeadOpsDbContext.OwnerFilter]).AsNoTracking()
            .Where(o => o.Kind == OutboxMessage.WelcomeKind && o.Status == OutboxStatus.Pending && o.NextAttemptAt <= now)
            .Where(o => o.ClaimedUntil == null || o.ClaimedUntil <= now)
            .OrderBy(o => o.NextAttemptAt).ThenBy(o => o.Id)
            .Select(o => new { o.Id, o.OwnerId })
            .Take(options.Value.BatchSize)
            .ToListAsync(cancellationToken);
        return [.. due.Select(o => (o.Id, o.OwnerId))];
    }

    private async Task<bool> TryDeliverAsync(long id, string ownerId, CancellationToken cancellationToken)
    {
        await using var scope = ownerScopes.CreateScope(ownerId);
        var db = scope.ServiceProvider.GetRequiredService<LeadOpsDbContext>();
        var now = clock.GetUtcNow();
        var leaseEnd = now + options.Value.ClaimLease;

        // The claim: one conditional UPDATE. The database lets exactly one of any racing workers match the row.
        var claimed = await db.OutboxMessages
            .Where(o => o.Id == id && o.Status == OutboxStatus.Pending && o.NextAttemptAt <= now)
            .Where(o => o.ClaimedUntil == null || o.ClaimedUntil <= now)
            .ExecuteUpdateAsync(
                s => s.SetProperty(o => o.ClaimedBy, Id).SetProperty(o => o.ClaimedUntil, leaseEnd).SetProperty(o => o.Attempts, o => o.Attempts + 1),
                cancellationToken);
        if (claimed == 0)
        {
            return false;
        }

        try
        {
            await scope.ServiceProvider.GetRequiredService<ISender>().Send(new DeliverWelcomeMessage(id, Id), cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The lease lapsed mid-send and another worker took the row: it records the outcome, not this one.
            Logger.LogWarning("Welcome message {OutboxMessageId}: the claim lapsed before the outcome was recorded", id);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Whether the message left is unknown: keep the claim so the row is tried again only after the lease.
            Logger.LogError(ex, "Welcome message {OutboxMessageId} failed unexpectedly; it will be tried again after its claim lapses", id);
        }

        return true;
    }
}
