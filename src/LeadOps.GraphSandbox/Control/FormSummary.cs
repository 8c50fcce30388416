namespace LeadOps.GraphSandbox;

/// <summary>A form in the <see cref="SandboxSummary"/>, with how many leads it holds.</summary>
public sealed record FormSummary(string Id, string Name, string? Status, int LeadsCount);
