namespace LeadOps.Domain.Leads.Events;

/// <summary>A lead was stored for the first time (by webhook, retrieval or schedule); its id is known once the save committed.</summary>
public sealed record LeadArrived(Lead Lead) : IDomainEvent;
