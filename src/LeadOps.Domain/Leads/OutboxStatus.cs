namespace LeadOps.Domain.Leads;

public enum OutboxStatus
{
    Pending,
    Sent,
    Failed,
    Skipped,
}
