using Microsoft.EntityFrameworkCore.Diagnostics;

namespace LeadOps.Infrastructure.Welcome;

/// <summary>
/// After a save that wrote a Pending welcome row (a new lead, a staff retry), wakes this node's worker. Other nodes
/// find the row at their next poll.
/// </summary>
internal sealed class WelcomeWakeInterceptor(WelcomeSignal signal) : SaveChangesInterceptor
{
    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        WakeIfPending(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        WakeIfPending(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void WakeIfPending(DbContext? context)
    {
        if (context is not null && context.ChangeTracker.Entries<OutboxMessage>().Any(e => e.Entity.Status == OutboxStatus.Pending && e.Entity.ClaimedBy is null))
        {
            signal.Wake();
        }
    }
}
