using LeadOps.Application.Outgoing;
using LeadOps.Application.Outgoing.Queries;
using LeadOps.Domain.Outgoing;

namespace LeadOps.Infrastructure.Outgoing;

internal sealed class OutgoingWebhookStore(LeadOpsDbContext db) : IOutgoingWebhookStore
{
    public void Add(WebhookEndpoint endpoint) => db.Set<WebhookEndpoint>().Add(endpoint);

    public Task<WebhookEndpoint?> FindByFormTokenAsync(Guid formToken, CancellationToken cancellationToken) =>
        db.Set<WebhookEndpoint>().AsNoTracking().FirstOrDefaultAsync(e => e.FormToken == formToken, cancellationToken);

    public async Task<bool> TryAddAsync(WebhookEndpoint endpoint, CancellationToken cancellationToken)
    {
        db.Set<WebhookEndpoint>().Add(endpoint); // refused by the unique form token: the other post's endpoint stands, this one is never saved
        return await DbErrors.TrySaveUniqueAsync(db, cancellationToken);
    }

    public void Remove(WebhookEndpoint endpoint) => db.Set<WebhookEndpoint>().Remove(endpoint);

    public void AddDelivery(OutgoingDelivery delivery) => db.Set<OutgoingDelivery>().Add(delivery);

    public Task<WebhookEndpoint?> FindAsync(int id, CancellationToken cancellationToken) =>
        db.Set<WebhookEndpoint>().FirstOrDefaultAsync(e => e.Id == id, cancellationToken);

    public async Task<bool> AnyReceivesAsync(string eventName, CancellationToken cancellationToken) =>
        (await db.Set<WebhookEndpoint>().AsNoTracking().ToListAsync(cancellationToken)).Any(e => e.Receives(eventName));

    public async Task RequeueAsync(int endpointId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var waiting = await db.Set<OutgoingDelivery>().Where(d => d.EndpointId == endpointId && d.Status != DeliveryStatus.Delivered).ToListAsync(cancellationToken);
        foreach (var delivery in waiting)
        {
            delivery.DueNow(now);
        }
    }

    public Task<OutgoingEvent?> FindEventAsync(Guid eventId, CancellationToken cancellationToken) =>
        db.Set<OutgoingEvent>().FirstOrDefaultAsync(e => e.EventId == eventId, cancellationToken);

    public async Task<bool> SaveUnlessChangedAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }

    public async Task<(IReadOnlyList<SetAsideEventView> Items, int Total)> ListSetAsideAsync(int skip, int take, CancellationToken cancellationToken)
    {
        var setAside = db.Set<OutgoingEvent>().AsNoTracking().Where(e => e.SetAsideAt != null && e.ProcessedAt == null);
        var items = await setAside.OrderByDescending(e => e.SetAsideAt).ThenByDescending(e => e.Id).Skip(skip).Take(take)
            .Select(e => new SetAsideEventView(e.EventId, e.Name, e.OccurredAt, e.SetAsideAt!.Value, e.FanOutAttempts)).ToListAsync(cancellationToken);
        return (items, await setAside.CountAsync(cancellationToken));
    }

    public async Task<IReadOnlyList<WebhookEndpointView>> ListAsync(int attemptsPerEndpoint, CancellationToken cancellationToken)
    {
        var endpoints = await db.Set<WebhookEndpoint>().AsNoTracking().OrderByDescending(e => e.Id).ToListAsync(cancellationToken);
        var views = new List<WebhookEndpointView>(endpoints.Count);
        foreach (var e in endpoints)
        {
            var attempts = await db.Set<DeliveryAttempt>().AsNoTracking().Where(a => a.EndpointId == e.Id)
                .OrderByDescending(a => a.Id).Take(attemptsPerEndpoint)
                .Select(a => new DeliveryAttemptView(a.DeliveryId, a.EventName, a.At, a.StatusCode, a.DurationMs, a.Error))
                .ToListAsync(cancellationToken);
            views.Add(new WebhookEndpointView(e.Id, e.Url, e.Description, e.EventNames, e.CreatedAt, e.PausedAt, e.ConsecutiveFailures, attempts));
        }

        return views;
    }

    public async Task<IReadOnlyList<IntegrationAlertsView>> ListAlertSettingsAsync(CancellationToken cancellationToken) =>
        await db.Integrations.AsNoTracking().OrderBy(i => i.Name).ThenBy(i => i.Id)
            .Select(i => new IntegrationAlertsView(i.Id, i.Name, i.LeadAlerts, i.EscalationAlerts)).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<string>> PausedAsync(CancellationToken cancellationToken) =>
        await db.Set<WebhookEndpoint>().AsNoTracking().Where(e => e.PausedAt != null).OrderBy(e => e.Id).Select(e => e.Url).Take(5).ToListAsync(cancellationToken);
}
