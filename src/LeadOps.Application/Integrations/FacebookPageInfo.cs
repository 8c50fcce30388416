namespace LeadOps.Application.Integrations;

public sealed record FacebookPageInfo(string Id, string Name);
