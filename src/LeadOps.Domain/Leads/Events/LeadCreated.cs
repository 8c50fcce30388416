namespace LeadOps.Domain.Leads.Events;

/// <summary>
/// A new lead is about to be stored, its welcome planned (<see cref="Lead.PlanWelcome(WelcomeRules)"/>). Its handlers
/// write what goes with it in the same save (the welcome's outbox row), so a lead is never stored without them.
/// </summary>
public sealed record LeadCreated(Lead Lead) : IDomainEvent;
