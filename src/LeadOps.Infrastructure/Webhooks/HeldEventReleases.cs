using LeadOps.Application.Conversations;
using LeadOps.Application.Integrations;

namespace LeadOps.Infrastructure.Webhooks;

/// <summary>
/// The webhook worker's pass over held Messenger events (ADR 0012, "Held events") whose integration's token works again:
/// a release the reconnect (or the test that found the token valid) could not finish, because it failed or the process
/// stopped, and events held while it ran, are released here, as the integration's owner, without anyone acting on the
/// integration again. A release that fails now is tried at the next pass; recording is idempotent, so nothing is
/// recorded twice. One pass releases at most <see cref="WebhookOptions.HeldReleasesPerPass"/> events, and an event whose
/// release keeps failing is set aside (<see cref="HeldMessengerEvent.SetAsideAt"/>) so the ones after it go.
/// </summary>
internal sealed partial class HeldEventReleases(IServiceScopeFactory scopes, IOwnerScopeFactory ownerScopes, IOptions<WebhookOptions> options, ILogger<HeldEventReleases> logger)
{
    /// <summary>How many integrations one pass looks at; the next pass takes the rest.</summary>
    private const int Batch = 20;

    /// <summary>Releases what is due; returns how many events were released (0 when none was, or every release failed).</summary>
    public async Task<int> ReleaseDueAsync(CancellationToken cancellationToken)
    {
        List<(int Id, string OwnerId)> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            due = await FindDueAsync(scope.ServiceProvider.GetRequiredService<LeadOpsDbContext>(), cancellationToken);
        }

        var released = 0;
        var budget = Math.Max(1, options.Value.HeldReleasesPerPass);
        foreach (var (integrationId, ownerId) in due)
        {
            if (released >= budget)
            {
                break;
            }

            try
            {
                await using var ownerScope = ownerScopes.CreateScope(ownerId);
                var services = ownerScope.ServiceProvider;
                if (await services.GetRequiredService<IIntegrationRepository>().GetWithoutFormsAsync(integrationId, cancellationToken) is
                    { NeedsReconnect: false, IsDisabled: false, HasUsableToken: true } integration)
                {
                    released += await services.GetRequiredService<IHeldMessengerEvents>().ReleaseAsync(integration, HeldRelease.ByWorker(budget - released), cancellationToken);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogReleaseFailed(logger, integrationId, ex.GetType().Name);
            }
        }

        return released;
    }

    /// <summary>
    /// The pass serves every owner: finds the integrations whose token works and that still have held events (ids and
    /// owners); each release runs as its owner.
    /// </summary>
    private static async Task<List<(int Id, string OwnerId)>> FindDueAsync(LeadOpsDbContext db, CancellationToken ct) =>
        (await db.Integrations.IgnoreQueryFilters([LeadOpsDbContext.OwnerFilter]).AsNoTracking()
            .Where(i => !i.NeedsReconnect && !i.IsDisabled && i.ProtectedToken != "" && i.PageId != "" &&
                        db.HeldMessengerEvents.Any(h => h.IntegrationId == i.Id && h.SetAsideAt == null))
            .OrderBy(i => i.Id)
            .Select(i => new { i.Id, i.OwnerId })
            .Take(Batch)
            .ToListAsync(ct))
        .Select(i => (i.Id, i.OwnerId)).ToList();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Releasing the held Messenger events of integration {IntegrationId} failed ({Error}); the next pass tries again")]
    private static partial void LogReleaseFailed(ILogger logger, int integrationId, string error);
}
