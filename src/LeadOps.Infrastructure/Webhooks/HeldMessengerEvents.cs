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

    public async Task<int> ReleaseAsync(Integration integration, CancellationToken cancellationToken)
    {
        var held = await db.HeldMessengerEvents.AsNoTracking().Where(h => h.IntegrationId == integration.Id)
            .OrderBy(h => h.DeliveryId).ThenBy(h => h.Ordinal).ToListAsync(cancellationToken);
        var released = 0;
        foreach (var delivery in held.GroupBy(h => h.DeliveryId))
        {
            var readings = await ReadingsAsync(delivery.Key, cancellationToken);
            foreach (var row in delivery)
            {
                if (row.Ordinal < readings.Count)
                {
                    var reading = readings[row.Ordinal];
                    var e = reading.Event.PageId == integration.PageId || reading.WithRecipientAsPage is null ? reading.Event : reading.WithRecipientAsPage;
                    var result = await sender.Send(new RecordMessengerEvent(integration.Id, e), cancellationToken);
                    if (!result.IsSuccess)
                    {
                        LogNotRecorded(logger, row.Id, integration.Id, result.Detail);
                    }
                }

                // Forgotten only once recorded: a failure above leaves it (and the rest) held for the next release.
                await db.HeldMessengerEvents.Where(h => h.Id == row.Id).ExecuteDeleteAsync(cancellationToken);
                released++;
            }
        }

        if (released > 0)
        {
            LogReleased(logger, released, integration.Id);
        }

        return released;
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Held Messenger event {HeldId} of integration {IntegrationId} was not recorded: {Detail}")]
    private static partial void LogNotRecorded(ILogger logger, long heldId, int integrationId, string? detail);
}
