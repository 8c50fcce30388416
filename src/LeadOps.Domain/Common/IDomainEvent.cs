namespace LeadOps.Domain.Common;

/// <summary>
/// Something that happened to an entity that other parts of the system act on (an audit row, a live push). Raised by
/// the entity's own methods, handled when the change is saved (ADR 0008).
/// </summary>
public interface IDomainEvent;
