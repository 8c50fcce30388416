namespace LeadOps.Infrastructure.Webhooks;

/// <summary>
/// Empties the raw bodies of webhook deliveries that are done (Processed or Unroutable) and were received more than
/// <see cref="WebhookOptions.KeepBodiesFor"/> ago (ADR 0005, "Stored bodies are not kept for ever"): a body holds every
/// tenant's Messenger texts and, for an opt-in, the notification token LeadOps otherwise keeps encrypted. The row stays
/// (the webhook health figures and the failed-delivery lists count rows). A Pending or Failed delivery keeps its body
/// (a retry reads it), and so does one that held Messenger events still name (their release reads it). One conditional
/// update does it all, so nothing is read across owners; the webhook worker runs it from its idle pass at most once an
/// <see cref="Every"/>.
/// </summary>
internal sealed partial class WebhookBodyRetention(IServiceScopeFactory scopes, IOptions<WebhookOptions> options, TimeProvider clock, ILogger<WebhookBodyRetention> logger)
{
    /// <summary>How often the worker's idle pass empties bodies at most.</summary>
    public static readonly TimeSpan Every = TimeSpan.FromHours(1);

    private readonly Lock _gate = new();
    private DateTimeOffset? _lastRun;

    /// <summary>Empties what is due, unless bodies are kept for ever or the last run was less than <see cref="Every"/> ago; how many.</summary>
    public async Task<int> EmptyIfDueAsync(CancellationToken cancellationToken)
    {
        var keep = options.Value.KeepBodiesFor;
        if (keep <= TimeSpan.Zero)
        {
            return 0;
        }

        var now = clock.GetUtcNow();
        lock (_gate)
        {
            if (_lastRun is { } last && now - last < Every)
            {
                return 0;
            }

            _lastRun = now;
        }

        return await EmptyAsync(now - keep, cancellationToken);
    }

    /// <summary>Empties the bodies of the done deliveries received before <paramref name="receivedBefore"/> that no held event names.</summary>
    public async Task<int> EmptyAsync(DateTimeOffset receivedBefore, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LeadOpsDbContext>();
        // Deliveries belong to nobody; the bypass (query-wide) lets the NOT EXISTS see every owner's held events.
        var emptied = await db.WebhookDeliveries.IgnoreQueryFilters([LeadOpsDbContext.OwnerFilter])
            .Where(d => (d.Status == WebhookDeliveryStatus.Processed || d.Status == WebhookDeliveryStatus.Unroutable) &&
                        d.ReceivedAt < receivedBefore && d.Body != "" &&
                        !db.HeldMessengerEvents.Any(h => h.DeliveryId == d.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Body, string.Empty), cancellationToken);
        if (emptied > 0)
        {
            LogEmptied(logger, emptied, receivedBefore);
        }

        return emptied;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Emptied the stored bodies of {Count} done webhook deliveries received before {ReceivedBefore:O}")]
    private static partial void LogEmptied(ILogger logger, int count, DateTimeOffset receivedBefore);
}
