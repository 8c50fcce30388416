using LeadOps.Domain.Leads.Stages;

namespace LeadOps.Application.Leads.Stages;

/// <summary>Names stages by key as the owner calls them now; a key no longer in the list is shown as it is.</summary>
public static class StageNames
{
    public static string Of(IReadOnlyList<PipelineStage> stages, string key) =>
        stages.FirstOrDefault(s => s.Key == key)?.Name ?? key;
}
