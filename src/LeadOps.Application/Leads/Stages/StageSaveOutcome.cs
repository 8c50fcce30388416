namespace LeadOps.Application.Leads.Stages;

/// <summary>How a save of stage changes ended (<see cref="IStageRepository.SaveAsync"/>); in the last two cases nothing was stored.</summary>
public enum StageSaveOutcome
{
    Saved,

    /// <summary>A lead being moved was no longer in the stage it was loaded in: another move committed first.</summary>
    LeadMovedMeanwhile,

    /// <summary>The user's stages were stored or added at the same moment by another request (same key).</summary>
    StagesChangedMeanwhile,
}
