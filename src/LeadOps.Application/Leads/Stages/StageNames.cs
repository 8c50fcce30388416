using LeadOps.Domain.Leads.Stages;

namespace LeadOps.Application.Leads.Stages;

/// <summary>Names stages by key as the owner calls them now; a key no longer in the list is shown as it is.</summary>
public static class StageNames
{
    /// <summary>Said when another request stored or added the user's stages at the same moment (nothing was saved).</summary>
    public const string TryAgain = "Your stages were changed at the same moment from elsewhere: nothing was saved. Please try again.";

    public static string Of(IReadOnlyList<PipelineStage> stages, string key) =>
        stages.FirstOrDefault(s => s.Key == key)?.Name ?? key;
}
