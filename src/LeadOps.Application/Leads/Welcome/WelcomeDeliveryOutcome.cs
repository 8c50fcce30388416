namespace LeadOps.Application.Leads.Welcome;

public enum WelcomeDeliveryOutcome
{
    /// <summary>Another worker holds the row now (this claim lapsed); nothing was done.</summary>
    ClaimLost,
    Sent,
    RetryScheduled,
    Failed,
    Skipped,
}
