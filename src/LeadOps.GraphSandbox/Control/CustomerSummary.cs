namespace LeadOps.GraphSandbox;

/// <summary>A customer in the <see cref="SandboxSummary"/>.</summary>
public sealed record CustomerSummary(string Psid, string Name, DateTimeOffset? LastCustomerMessageAt, bool BlockedPage);
