namespace LeadOps.Application.Leads.Welcome;

/// <summary>The current user's welcome outbox rows (owner filtering is applied by the data layer).</summary>
public interface IWelcomeOutbox
{
    /// <summary>The Pending row this worker holds the claim on, with its lead, tracked; null when the claim was lost.</summary>
    Task<OutboxMessage?> GetClaimedAsync(long outboxMessageId, string worker, CancellationToken cancellationToken);

    /// <summary>The lead's welcome row with the lead, tracked; null when the lead is unknown or someone else's.</summary>
    Task<OutboxMessage?> GetForLeadAsync(long leadId, CancellationToken cancellationToken);

    /// <summary>The user's leads by welcome status (what the lead list filters on).</summary>
    Task<WelcomeCounts> CountAsync(CancellationToken cancellationToken);
}

public sealed record WelcomeCounts(int Pending, int Sent, int Failed, int Skipped);

/// <summary>What staff see of a lead's welcome message.</summary>
public sealed record LeadWelcomeView(
    long LeadId,
    WelcomeStatus Status,
    int Attempts,
    int MaxAttempts,
    string? LastError,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? SentAt,
    string MessageId)
{
    public bool CanRetry => Status == WelcomeStatus.Failed;

    public static LeadWelcomeView From(OutboxMessage message, WelcomeRetryPolicy policy) => new(
        message.LeadId,
        message.Lead?.WelcomeStatus ?? (WelcomeStatus)(int)message.Status,
        message.Attempts,
        policy.MaxAttempts,
        message.LastError,
        message.Status == OutboxStatus.Pending ? message.NextAttemptAt : null,
        message.SentAt,
        message.MessageId ?? WelcomeRenderer.MessageIdFor(message.Lead!));
}
