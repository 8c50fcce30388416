namespace LeadOps.Domain.Leads;

public enum WelcomeStatus
{
    Pending,
    Sent,
    Failed,
    Skipped,
}
