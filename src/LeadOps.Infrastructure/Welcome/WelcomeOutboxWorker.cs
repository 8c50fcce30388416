using System.Linq.Expressions;
using LeadOps.Application.Leads.Welcome;
using Mediator;

namespace LeadOps.Infrastructure.Welcome;

/// <summary>
/// Sends due welcome messages, each claimed by one worker and delivered as its owner (<see cref="OutboxWorker{TItem}"/>).
/// A worker that dies after sending but before recording leaves its claim to lapse, and the row is sent once more with
/// the same Message-ID (ADR 0004).
/// </summary>
internal sealed class WelcomeOutboxWorker(
    IServiceScopeFactory scopes,
    IOwnerScopeFactory ownerScopes,
    WelcomeSignal signal,
    WorkerHealth health,
    IOptions<WelcomeOptions> options,
    TimeProvider clock,
    ILogger<WelcomeOutboxWorker> logger) : OutboxWorker<OutboxMessage>(scopes, ownerScopes, signal, health, options.Value, clock, logger)
{
    public const string WorkerName = "welcome";

    protected override string Name => WorkerName;

    protected override Expression<Func<OutboxMessage, bool>> IsPending =>
        o => o.Kind == OutboxMessage.WelcomeKind && o.Status == OutboxStatus.Pending;

    protected override async ValueTask SendAsync(ISender sender, long id, bool previousClaimLapsed, CancellationToken cancellationToken) =>
        await sender.Send(new DeliverWelcomeMessage(id, Id, previousClaimLapsed), cancellationToken);
}
