namespace LeadOps.Application.Outgoing.Queries;

/// <summary>One line of the delivery log: the status code (null: no answer), how long it took, and what went wrong.</summary>
public sealed record DeliveryAttemptView(long DeliveryId, string EventName, DateTimeOffset At, int? StatusCode, int DurationMs, string? Error);
