namespace LeadOps.Application.Common.Events;

/// <summary>
/// Acts on domain events at the two moments of a save (ADR 0008). <see cref="OnSaving"/> returns the rows to write in
/// the same save as the change that raised the event (audit entries, outbox rows): they commit or fail with it.
/// <see cref="OnCommittedAsync"/> acts once that save has committed (live pushes): a failure there is logged and never
/// undoes the change. Every registered handler sees every event and ignores the ones it has no use for; handlers are
/// singletons without state.
/// </summary>
public interface IDomainEventHandler
{
    IEnumerable<object> OnSaving(IDomainEvent domainEvent, SaveContext save) => [];

    ValueTask OnCommittedAsync(IDomainEvent domainEvent, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
