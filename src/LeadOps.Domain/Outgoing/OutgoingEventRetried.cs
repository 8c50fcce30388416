namespace LeadOps.Domain.Outgoing;

/// <summary>Staff tried a set-aside outgoing event again (ADR 0024).</summary>
public sealed record OutgoingEventRetried(OutgoingEvent Event) : IDomainEvent;
