namespace LeadOps.Domain.Leads.Events;

/// <summary>
/// A new lead is about to be stored, its welcome planned (<see cref="Lead.PlanWelcome(WelcomeRules, LeadFollowUps?)"/>). Its handlers
/// write what goes with it in the same save (the welcome's outbox row, the first stage, and the follow-ups its
/// integration asks for: <see cref="LeadFollowUps"/>), so a lead is never stored without them.
/// </summary>
public sealed record LeadCreated(Lead Lead, LeadFollowUps FollowUps) : IDomainEvent;
