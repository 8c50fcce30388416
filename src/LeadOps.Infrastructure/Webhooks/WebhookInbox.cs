using LeadOps.Domain.Common;
using LeadOps.Infrastructure.Common;
using LeadOps.Infrastructure.Persistence;

namespace LeadOps.Infrastructure.Webhooks;

/// <summary>Stores a verified delivery durably (before Meta gets its 200) and wakes the worker.</summary>
public sealed class WebhookInbox(LeadOpsDbContext db, WebhookSignal signal, TimeProvider clock)
{
    public async Task<long> StoreAsync(string body, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var delivery = new WebhookDelivery { Body = body, ReceivedAt = now, NextAttemptAt = now };
        db.WebhookDeliveries.Add(delivery);
        await db.SaveChangesAsync(cancellationToken);
        signal.Wake();
        return delivery.Id;
    }
}

/// <summary>Lets the receiving endpoint wake the webhook worker at once instead of waiting for its next poll.</summary>
public sealed class WebhookSignal : WorkerSignal;
