namespace LeadOps.Infrastructure.Welcome;

public sealed record WelcomeBacklogSnapshot(int Pending, int Failed, TimeSpan? OldestPendingAge);
