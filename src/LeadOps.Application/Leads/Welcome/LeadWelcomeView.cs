namespace LeadOps.Application.Leads.Welcome;

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
