namespace LeadOps.Application.Conversations;

/// <summary>Meta's <c>policy_enforcement</c>: <see cref="Action"/> warning, block or unblock, and Meta's reason (none on unblock).</summary>
public sealed record MessengerPolicyEnforcement(string? Action, string? Reason);
