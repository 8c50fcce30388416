using System.Linq.Expressions;
using LeadOps.Application.Leads.Conversions;
using LeadOps.Domain.Leads.Conversions;
using Mediator;

namespace LeadOps.Infrastructure.Conversions;

/// <summary>
/// Sends due Conversions API events (ADR 0023), each claimed by one worker and sent as its owner
/// (<see cref="OutboxWorker{TItem}"/>, <see cref="DeliverConversionEvent"/>). A worker that dies after Meta accepted the
/// event but before recording it leaves the claim to lapse; the event is then sent again (Meta counts it twice: a crash
/// there is the one way to duplicate, as for the welcome outbox, ADR 0004).
/// </summary>
internal sealed class ConversionsOutboxWorker(
    IServiceScopeFactory scopes,
    IOwnerScopeFactory ownerScopes,
    ConversionsSignal signal,
    WorkerHealth health,
    IOptions<ConversionsOptions> options,
    TimeProvider clock,
    ILogger<ConversionsOutboxWorker> logger) : OutboxWorker<ConversionEvent>(scopes, ownerScopes, signal, health, options.Value, clock, logger)
{
    public const string WorkerName = "conversions";

    protected override string Name => WorkerName;

    protected override Expression<Func<ConversionEvent, bool>> IsPending => e => e.Status == ConversionEventStatus.Pending;

    protected override async ValueTask SendAsync(ISender sender, long id, bool previousClaimLapsed, CancellationToken cancellationToken) =>
        await sender.Send(new DeliverConversionEvent(id, Id, previousClaimLapsed), cancellationToken);
}
