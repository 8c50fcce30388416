namespace LeadOps.Application.Leads;

/// <summary>
/// One lead as Graph returned it. <see cref="Problem"/> is set when the lead cannot be used at all (no id); it is still
/// passed on so it can be reported as failed. A created_time Graph left out or sent unreadable is not such a problem:
/// <see cref="CreatedTime"/> is then null and <see cref="CreatedTimeProblem"/> says what was wrong.
/// </summary>
public sealed record FacebookLeadData(
    string Id,
    DateTimeOffset? CreatedTime,
    string? FormId,
    LeadAttribution Attribution,
    IReadOnlyList<FacebookLeadAnswer> FieldData,
    string? Problem = null)
{
    /// <summary>The <see cref="Problem"/> of a lead Graph gave without its id: it is counted as failed, never stored under a made-up id.</summary>
    public const string NoIdProblem =
        "Facebook listed this lead without its id, so there is no lead id to store it under: it was not stored. The next sync reads this part of the form again.";

    public string? CreatedTimeProblem { get; init; }

    /// <summary><c>custom_disclaimer_responses</c>: the consent check boxes and whether each was ticked.</summary>
    public IReadOnlyList<LeadConsent> Consents { get; init; } = [];

    public string? PartnerName { get; init; }

    public string? RetailerItemId { get; init; }

    /// <summary>The ids of the lead's <c>home_listing</c>, <c>vehicle</c> and <c>post</c> (objects on Graph).</summary>
    public string? HomeListingId { get; init; }

    public string? VehicleId { get; init; }

    public string? PostId { get; init; }
}
