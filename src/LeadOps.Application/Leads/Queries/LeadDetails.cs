namespace LeadOps.Application.Leads.Queries;

public sealed record LeadDetails(
    long Id,
    string FacebookLeadId,
    int? IntegrationId,
    string PageId,
    string FormId,
    string? FormName,
    string? FullName,
    string? FirstName,
    string? LastName,
    string? Email,
    string? Phone,
    LeadAttribution Attribution,
    DateTimeOffset CreatedTime,
    DateTimeOffset FirstSeenAt,
    LeadSource Source,
    WelcomeStatus WelcomeStatus,
    IReadOnlyList<LeadAnswer> Answers)
{
    /// <summary>False when Graph gave no readable created_time: <see cref="CreatedTime"/> is when LeadOps first saw the lead.</summary>
    public bool CreatedTimeKnown { get; init; } = true;

    public string? PartnerName { get; init; }

    public string? RetailerItemId { get; init; }

    public string? HomeListingId { get; init; }

    public string? VehicleId { get; init; }

    public string? PostId { get; init; }

    public IReadOnlyList<LeadConsent> Consents { get; init; } = [];

    /// <summary>The key of the lead's stage, as stored.</summary>
    public string? StageKey { get; init; }

    /// <summary>The stage's name as the user calls it now (set by <see cref="GetLead"/>; the key when it is no longer a stage).</summary>
    public string? StageName { get; init; }

    /// <summary>The form's questions as LeadOps last read them (labels and option texts).</summary>
    public IReadOnlyList<LeadFormQuestion> Questions { get; init; } = [];

    /// <summary>Each answer with its question's label and its options' texts ("Which bike …?" "Weekend trips").</summary>
    public IReadOnlyList<LabelledAnswer> LabelledAnswers => LabelledAnswer.Label(Answers, Questions);
}
