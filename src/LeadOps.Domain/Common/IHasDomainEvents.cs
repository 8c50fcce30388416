namespace LeadOps.Domain.Common;

/// <summary>An entity that raises domain events. The data layer reads them when the entity is saved.</summary>
public interface IHasDomainEvents
{
    /// <summary>Raised and not yet saved, oldest first.</summary>
    IReadOnlyList<IDomainEvent> DomainEvents { get; }

    /// <summary>Forgets the events once the save that carried them has committed.</summary>
    void ClearDomainEvents();
}
