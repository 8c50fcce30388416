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

    /// <summary>"2 of 6"; a round that went further under a higher limit says so ("5, the limit is now 3").</summary>
    public string AttemptsShown => Attempts <= MaxAttempts ? $"{Attempts} of {MaxAttempts}" : $"{Attempts}, the limit is now {MaxAttempts}";

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
