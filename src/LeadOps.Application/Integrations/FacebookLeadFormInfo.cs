namespace LeadOps.Application.Integrations;

public sealed record FacebookLeadFormInfo(string Id, string Name, string Status, string? Locale, DateTimeOffset? CreatedTime, int? LeadsCount);
