namespace LeadOps.Domain.Common;

/// <summary>Base of entities that raise domain events: they keep them in a list until their save commits.</summary>
public abstract class Entity : IHasDomainEvents
{
    private readonly List<IDomainEvent> _domainEvents = [];

    public IReadOnlyList<IDomainEvent> DomainEvents => _domainEvents;

    public void ClearDomainEvents() => _domainEvents.Clear();

    protected void Raise(IDomainEvent domainEvent) => _domainEvents.Add(domainEvent);

    /// <summary>Takes back the unsaved events that match (a unit of work about to record them again).</summary>
    protected void Unraise(Predicate<IDomainEvent> match) => _domainEvents.RemoveAll(match);
}
