using LeadOps.Application.Conversations.Commands;
using LeadOps.Infrastructure.Webhooks.Messenger;
using Mediator;

namespace LeadOps.Infrastructure.Webhooks;

/// <summary>
/// Messenger events held for an integration whose token is known not to work (ADR 0012, "Held events"): the webhook
/// worker holds them as the integration's owner (<see cref="HoldAsync"/>); reconnecting the page releases them, read
/// again from their stored deliveries and recorded as any event is. Runs as the acting owner: the filter keeps each
/// owner's held events their own.
/// </summary>
internal sealed partial class HeldMessengerEvents(LeadOpsDbContext db, ISender sender, TimeProvider clock, ILogger<HeldMessengerEvents> logger)
    : IHeldMessengerEvents
{
    private static readonly string MessageKind = nameof(MessengerEventKind.Message);
    private static readonly string PostbackKind = nameof(MessengerEventKind.Postback);

    /// <summary>Holds one event of a delivery for the integration; a delivery worked on again holds it once.</summary>
    public async Task HoldAsync(int integrationId, long deliveryId, int ordinal, MessengerWebhookEvent e, CancellationToken ct)
    {
        if (!await db.HeldMessengerEvents.AnyAsync(h => h.IntegrationId == integrationId && h.DeliveryId == deliveryId && h.Ordinal == ordinal, ct))
        {
            db.HeldMessengerEvents.Add(HeldMessengerEvent.Hold(integrationId, deliveryId, ordinal, e.Kind.ToString(), e.Psid, clock.GetUtcNow()));
            await db.SaveChangesAsync(ct);
        }
    }

    public async Task<IReadOnlyList<HeldPage>> ListAsync(CancellationToken cancellationToken)
    {
        var counts = await db.HeldMessengerEvents.AsNoTracking()
            .GroupBy(h => h.IntegrationId)
            .Select(g => new
            {
                IntegrationId = g.Key,
                Messages = g.Count(h => h.Kind == MessageKind || h.Kind == PostbackKind),
                Customers = g.Where(h => h.Psid != "").Select(h => h.Psid).Distinct().Count(),
                Events = g.Count(),
            })
            .ToListAsync(cancellationToken);
        if (counts.Count == 0)
        {
            return [];
        }

        var ids = counts.Select(c => c.IntegrationId).ToList();
        var names = await db.Integrations.AsNoTracking().Where(i => ids.Contains(i.Id))
            .Select(i => new { i.Id, i.PageName, i.Name }).ToDictionaryAsync(i => i.Id, cancellationToken);
        return [.. counts.Where(c => names.ContainsKey(c.IntegrationId))
            .Select(c => new HeldPage(c.IntegrationId, names[c.IntegrationId].PageName is { Length: > 0 } page ? page : names[c.IntegrationId].Name, c.Messages, c.Customers, c.Events))
            .OrderBy(p => p.PageName, StringComparer.CurrentCulture)];
    }

    public async Task<int> ReleaseAsync(Integration integration, HeldRelease release, CancellationToken cancellationToken)
    {
        var query = db.HeldMessengerEvents.AsNoTracking().Where(h => h.IntegrationId == integration.Id && (release.WithSetAside || h.SetAsideAt == null))
            .OrderBy(h => h.DeliveryId).ThenBy(h => h.Ordinal);
        var held = await (release.Limit is { } limit ? query.Take(limit) : query).ToListAsync(cancellationToken);
        var released = 0;
        foreach (var delivery in held.GroupBy(h => h.DeliveryId))
        {
            var pending = delivery.ToList();
            IReadOnlyList<MessengerReading>? readings = null;
            try
            {
                readings = await ReadingsAsync(delivery.Key, cancellationToken);
                while (pending.Count > 0)
                {
                    await RecordAsync(integration, pending[0], readings, cancellationToken);

                    // Forgotten only once recorded: a failure above leaves it (and the rest) held.
                    await db.HeldMessengerEvents.Where(h => h.Id == pending[0].Id).ExecuteDeleteAsync(cancellationToken);
                    pending.RemoveAt(0);
                    released++;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Oldest first: the ones after it wait for the next release, until it is set aside. Nothing half
                // recorded may be saved by what runs next in this scope.
                db.ChangeTracker.Clear();
                await ReleaseFailedAsync(integration.Id, readings is null ? pending : pending.Take(1), ex, cancellationToken);
                break;
            }
        }

        if (released > 0)
        {
            LogReleased(logger, released, integration.Id);
        }

        return released;
    }

    private async Task RecordAsync(Integration integration, HeldMessengerEvent row, IReadOnlyList<MessengerReading> readings, CancellationToken cancellationToken)
    {
        if (row.Ordinal < readings.Count)
        {
            var reading = readings[row.Ordinal];
            var e = reading.Event.PageId == integration.PageId || reading.WithOtherPartyAsPage is null ? reading.Event : reading.WithOtherPartyAsPage;
            var result = await sender.Send(new RecordMessengerEvent(integration.Id, e), cancellationToken);
            if (!result.IsSuccess)
            {
                LogNotRecorded(logger, row.Id, integration.Id, result.Detail);
            }
        }
    }

    /// <summary>
    /// Counts a failed release of the rows it stopped at (every row of a delivery that could not be read, else the one
    /// being recorded); a row failing for the <see cref="HeldMessengerEvent.MaxReleaseAttempts"/>th time is set aside and
    /// logged once, by ids and the error's type (never the message).
    /// </summary>
    private async Task ReleaseFailedAsync(int integrationId, IEnumerable<HeldMessengerEvent> rows, Exception ex, CancellationToken ct)
    {
        var ids = rows.Select(r => r.Id).ToList();
        LogReleaseFailed(logger, ids[0], integrationId, ex.GetType().Name);
        await db.HeldMessengerEvents.Where(h => ids.Contains(h.Id)).ExecuteUpdateAsync(s => s.SetProperty(h => h.ReleaseAttempts, h => h.ReleaseAttempts + 1), ct);
        var now = clock.GetUtcNow();
        var setAside = await db.HeldMessengerEvents.AsNoTracking()
            .Where(h => ids.Contains(h.Id) && h.SetAsideAt == null && h.ReleaseAttempts >= HeldMessengerEvent.MaxReleaseAttempts).Select(h => h.Id).ToListAsync(ct);
        if (setAside.Count > 0)
        {
            await db.HeldMessengerEvents.Where(h => setAside.Contains(h.Id)).ExecuteUpdateAsync(s => s.SetProperty(h => h.SetAsideAt, now), ct);
            foreach (var id in setAside)
            {
                LogSetAside(logger, id, integrationId, HeldMessengerEvent.MaxReleaseAttempts, ex.GetType().Name);
            }
        }
    }

    private async Task<IReadOnlyList<MessengerReading>> ReadingsAsync(long deliveryId, CancellationToken ct)
    {
        var delivery = await db.WebhookDeliveries.AsNoTracking().Where(d => d.Id == deliveryId)
            .Select(d => new { d.Body, d.ReceivedAt }).SingleOrDefaultAsync(ct);
        if (delivery is null)
        {
            return [];
        }

        using var json = MetaWebhookJson.Parse(delivery.Body);
        return WebhookPayload.MessengerReadings(json.RootElement, delivery.ReceivedAt);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Released {Count} held Messenger events of integration {IntegrationId}")]
    private static partial void LogReleased(ILogger logger, int count, int integrationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Releasing held Messenger event {HeldId} of integration {IntegrationId} failed ({Error}); it and the ones after it stay held")]
    private static partial void LogReleaseFailed(ILogger logger, long heldId, int integrationId, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Held Messenger event {HeldId} of integration {IntegrationId} was set aside after {Attempts} failed releases (last: {Error}); it stays held until staff reconnect or test the page")]
    private static partial void LogSetAside(ILogger logger, long heldId, int integrationId, int attempts, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Held Messenger event {HeldId} of integration {IntegrationId} was not recorded: {Detail}")]
    private static partial void LogNotRecorded(ILogger logger, long heldId, int integrationId, string? detail);
}
