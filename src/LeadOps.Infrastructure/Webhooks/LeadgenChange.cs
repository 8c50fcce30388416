namespace LeadOps.Infrastructure.Webhooks;

/// <summary>
/// One leadgen change: which page, form and lead, and when the lead was created (unix seconds on the wire). Ids arrive as
/// numbers or strings. <paramref name="EntryPageId"/> is the page of the entry it came in, which Meta gives as the same page.
/// </summary>
internal sealed record LeadgenChange(string PageId, string FormId, string LeadgenId, DateTimeOffset? CreatedTime = null, string? EntryPageId = null);
