using System.Linq.Expressions;
using Mediator;

namespace LeadOps.Infrastructure.Common;

/// <summary>
/// The worker of an outbox (<see cref="OutboxItem"/>, ADR 0004). Each due row is claimed with one atomic conditional
/// UPDATE (a lease in <c>ClaimedBy</c>/<c>ClaimedUntil</c>, counting the attempt), so any number of workers on any number
/// of nodes never take the same row; its work is then done and recorded as its owner (<see cref="SendAsync"/>). A
/// worker that dies after the work but before recording it leaves its claim to lapse, and the row is done once more.
/// </summary>
internal abstract partial class OutboxWorker<TItem>(
    IServiceScopeFactory scopes,
    IOwnerScopeFactory ownerScopes,
    WorkerSignal signal,
    WorkerHealth health,
    OutboxOptions options,
    TimeProvider clock,
    ILogger logger) : PollingWorker(signal, health, logger)
    where TItem : OutboxItem
{
    /// <summary>This worker's name in <c>ClaimedBy</c>: machine, process and instance.</summary>
    public string Id { get; } = NewId();

    /// <summary>The rows still to be done (their status says pending); due and unclaimed are checked here.</summary>
    protected abstract Expression<Func<TItem, bool>> IsPending { get; }

    /// <summary>
    /// The use case that does the claimed row's work and records its outcome under this worker's claim;
    /// <paramref name="previousClaimLapsed"/> says the claim before ended without an outcome (the work may have been done).
    /// </summary>
    protected abstract ValueTask SendAsync(ISender sender, long id, bool previousClaimLapsed, CancellationToken cancellationToken);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        RunAsync(options.WorkerEnabled, options.Section, options.PollInterval, stoppingToken);

    /// <summary>
    /// One pass: claims and does the rows due now (up to <see cref="OutboxOptions.BatchSize"/>); returns how many this
    /// worker claimed and handled. Rows another worker claims first are left to it.
    /// </summary>
    public override async Task<int> ProcessDueAsync(CancellationToken cancellationToken)
    {
        var handled = 0;
        foreach (var (id, ownerId, lapsedClaim) in await FindDueAsync(cancellationToken))
        {
            if (await TrySendAsync(id, ownerId, lapsedClaim, cancellationToken))
            {
                handled++;
            }
        }

        return handled;
    }

    private static string NewId()
    {
        var id = string.Create(CultureInfo.InvariantCulture, $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}");
        return id.Length <= OutboxItem.ClaimedByLength ? id : id[^OutboxItem.ClaimedByLength..];
    }

    private IQueryable<TItem> Due(IQueryable<TItem> rows, DateTimeOffset now) => rows.Where(IsPending).DueAt(now);

    /// <summary>
    /// The scan looks across owners by design (the worker serves everyone): it bypasses only the named owner filter
    /// and returns ids (with the lapsed claim a row still names, if any); each row is then claimed and done in a scope
    /// acting as its owner.
    /// </summary>
    private async Task<IReadOnlyList<(long Id, string OwnerId, string? LapsedClaim)>> FindDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LeadOpsDbContext>();
        var due = await Due(db.Set<TItem>().IgnoreQueryFilters([LeadOpsDbContext.OwnerFilter]).AsNoTracking(), clock.GetUtcNow())
            .OrderBy(o => o.NextAttemptAt).ThenBy(o => o.Id)
            .Select(o => new { o.Id, o.OwnerId, o.ClaimedBy })
            .Take(options.BatchSize)
            .ToListAsync(cancellationToken);
        return [.. due.Select(o => (o.Id, o.OwnerId, o.ClaimedBy))];
    }

    private async Task<bool> TrySendAsync(long id, string ownerId, string? lapsedClaim, CancellationToken cancellationToken)
    {
        await using var scope = ownerScopes.CreateScope(ownerId);
        var db = scope.ServiceProvider.GetRequiredService<LeadOpsDbContext>();
        var now = clock.GetUtcNow();
        var leaseEnd = now + options.ClaimLease;

        // The claim: one conditional UPDATE. The database lets exactly one of any racing workers match the row. A recorded
        // outcome ends a claim (ClaimedBy is cleared); one still named lapsed without an outcome. The claim holds only if
        // the row is as the scan saw it, so whether the previous claim lapsed is known for sure.
        var claimed = await Due(db.Set<TItem>().Where(o => o.Id == id && o.ClaimedBy == lapsedClaim), now).ExecuteUpdateAsync(
            s => s.SetProperty(o => o.ClaimedBy, Id).SetProperty(o => o.ClaimedUntil, leaseEnd).SetProperty(o => o.Attempts, o => o.Attempts + 1),
            cancellationToken);
        if (claimed == 0)
        {
            return false;
        }

        try
        {
            await SendAsync(scope.ServiceProvider.GetRequiredService<ISender>(), id, lapsedClaim is not null, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The lease lapsed mid-send and another worker took the row: it records the outcome, not this one.
            LogClaimLapsed(Logger, Name, id);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Whether the work was done is unknown: keep the claim so the row is tried again only after the lease.
            LogFailed(Logger, ex, Name, id);
        }

        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Outbox} outbox row {OutboxId}: the claim lapsed before the outcome was recorded")]
    private static partial void LogClaimLapsed(ILogger logger, string outbox, long outboxId);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Outbox} outbox row {OutboxId} failed unexpectedly; it will be tried again after its claim lapses")]
    private static partial void LogFailed(ILogger logger, Exception exception, string outbox, long outboxId);
}
