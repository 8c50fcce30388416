namespace LeadOps.Domain.Leads;

/// <summary>Staff sent a failed welcome message again.</summary>
public sealed record WelcomeRetried(OutboxMessage Message) : IDomainEvent;
