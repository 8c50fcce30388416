namespace LeadOps.Application.Conversations;

/// <summary>The LeadOps reply an echo gave Meta's id to, and whether it had been recorded as failed.</summary>
public readonly record struct EchoClaim(long MessageId, bool WasFailed);
