namespace LeadOps.GraphSandbox;

/// <summary>A customer of a page (a PSID), as the state file keeps it: when they last wrote, and who holds the thread.</summary>
internal sealed record SavedCustomer(string PageId, string Psid, DateTimeOffset? LastCustomerMessageAt, string? ThreadOwnerAppId);
