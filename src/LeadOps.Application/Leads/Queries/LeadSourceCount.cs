namespace LeadOps.Application.Leads.Queries;

public sealed record LeadSourceCount(int IntegrationId, LeadSource Source, int Last30Days, int Last7Days, int LastDay);
