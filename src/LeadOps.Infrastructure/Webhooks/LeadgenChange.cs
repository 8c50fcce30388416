namespace LeadOps.Infrastructure.Webhooks;

/// <summary>One leadgen change: which page, form and lead, and when the lead was created (unix seconds on the wire). Ids arrive as numbers or strings.</summary>
internal sealed record LeadgenChange(string PageId, string FormId, string LeadgenId, DateTimeOffset? CreatedTime = null);
