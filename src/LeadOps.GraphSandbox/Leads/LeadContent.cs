namespace LeadOps.GraphSandbox;

/// <summary>What a lead says; generated on demand, so a stored lead needs only its id, form and time.</summary>
internal sealed record LeadContent(IReadOnlyList<FieldData> FieldData, bool IsOrganic, string Platform, AdInfo? Ad)
{
    /// <summary>The form's consent check boxes as the person left them (<c>custom_disclaimer_responses</c>).</summary>
    public IReadOnlyList<ConsentJson> Consents { get; init; } = [];

    public string? PartnerName { get; init; }

    public string? RetailerItemId { get; init; }

    /// <summary>The catalogue item of a real-estate or automotive ad, or the page post the lead came from: sent as <c>{"id": …}</c>.</summary>
    public string? HomeListingId { get; init; }

    public string? VehicleId { get; init; }

    public string? PostId { get; init; }
}
