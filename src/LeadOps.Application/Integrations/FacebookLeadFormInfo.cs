namespace LeadOps.Application.Integrations;

public sealed record FacebookLeadFormInfo(string Id, string Name, string Status, string? Locale, DateTimeOffset? CreatedTime, int? LeadsCount)
{
    /// <summary>The form's questions with their labels and options; null when they were not asked for.</summary>
    public IReadOnlyList<LeadFormQuestion>? Questions { get; init; }
}
