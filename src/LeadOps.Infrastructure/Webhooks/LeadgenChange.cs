namespace LeadOps.Infrastructure.Webhooks;

/// <summary>One leadgen change: which page, form and lead. Ids arrive as numbers or strings.</summary>
internal sealed record LeadgenChange(string PageId, string FormId, string LeadgenId);
