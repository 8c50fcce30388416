namespace LeadOps.Application.Leads;

public sealed record ExistingLead(long Id, string Name);
