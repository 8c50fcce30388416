namespace LeadOps.Application.Leads.Queries;

public sealed record LeadListItem(
    long Id,
    string FacebookLeadId,
    string Name,
    string? Email,
    string? Phone,
    string FormId,
    string? FormName,
    LeadSource Source,
    WelcomeStatus WelcomeStatus,
    DateTimeOffset CreatedTime,
    DateTimeOffset FirstSeenAt)
{
    /// <summary>The integration (Facebook page) it came through, when it is known.</summary>
    public int? IntegrationId { get; init; }

    /// <summary>The key of the lead's stage (named by the user's stages).</summary>
    public string StageKey { get; init; } = Domain.Leads.Stages.PipelineStage.EntryKey;

    /// <summary>The stage's name as the user calls it now (set by <see cref="ListLeads"/>; the key when it is no longer a stage).</summary>
    public string? StageName { get; init; }
}
