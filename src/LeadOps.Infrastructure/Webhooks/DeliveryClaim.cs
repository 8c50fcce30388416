namespace LeadOps.Infrastructure.Webhooks;

/// <summary>
/// Keeps a worker's claim on a delivery while it works: every third of the lease (on the clock) the lease is pushed
/// out with a conditional update that only succeeds while the claim is still this worker's. If it is not (another node
/// took the delivery after a stall), the work is cancelled and its outcome not recorded.
/// </summary>
internal sealed class DeliveryClaim : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _renewing;

    public DeliveryClaim(IServiceScopeFactory scopes, long deliveryId, DateTimeOffset leaseEnd, TimeSpan lease, TimeProvider clock, CancellationTokenSource work, ILogger logger) =>
        _renewing = RenewAsync(scopes, deliveryId, leaseEnd, lease, clock, work, logger);

    /// <summary>Another worker holds the delivery now: this one's outcome must not be recorded.</summary>
    public bool Lost { get; private set; }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _renewing;
        _stop.Dispose();
    }

    private async Task RenewAsync(IServiceScopeFactory scopes, long id, DateTimeOffset leaseEnd, TimeSpan lease, TimeProvider clock, CancellationTokenSource work, ILogger logger)
    {
        using var timer = new PeriodicTimer(lease / 3, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                var renewed = clock.GetUtcNow() + lease;
                int rows;
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    rows = await scope.ServiceProvider.GetRequiredService<LeadOpsDbContext>().WebhookDeliveries
                        .Where(d => d.Id == id && d.Status == WebhookDeliveryStatus.Pending && d.NextAttemptAt == leaseEnd)
                        .ExecuteUpdateAsync(s => s.SetProperty(d => d.NextAttemptAt, renewed), _stop.Token);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The database was busy: the lease still has two thirds to run, the next tick tries again.
                    logger.LogWarning("Renewing the claim on webhook delivery {DeliveryId} failed: {Error}", id, ex.GetType().Name);
                    continue;
                }

                if (rows == 0)
                {
                    Lost = true;
                    logger.LogWarning("The claim on webhook delivery {DeliveryId} was lost; its work stops here", id);
                    await work.CancelAsync();
                    return;
                }

                leaseEnd = renewed;
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // the work finished
        }
    }
}
