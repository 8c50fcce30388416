namespace LeadOps.Infrastructure.Webhooks;

/// <summary>
/// What the webhook worker does when no delivery is due: empties old delivery bodies (at most hourly,
/// <see cref="WebhookBodyRetention"/>), then releases held Messenger events whose page works again
/// (<see cref="HeldEventReleases"/>); returns how many events were released.
/// </summary>
internal sealed class WebhookIdlePass(WebhookBodyRetention bodies, HeldEventReleases held)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        await bodies.EmptyIfDueAsync(cancellationToken);
        return await held.ReleaseDueAsync(cancellationToken);
    }
}
