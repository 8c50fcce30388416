namespace LeadOps.Domain.Leads;

public enum LeadSource
{
    Webhook,
    ManualRetrieval,
    ScheduledRetrieval,
}
