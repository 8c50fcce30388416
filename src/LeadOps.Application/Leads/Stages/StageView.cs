namespace LeadOps.Application.Leads.Stages;

/// <summary>A stage as the pages show it: its key, name, what Meta is told, its place and how many leads it holds.</summary>
public sealed record StageView(string Key, string Name, string? MetaEventName, int Position, bool IsEntry, int Leads);
