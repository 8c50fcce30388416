namespace LeadOps.GraphSandbox;

/// <summary>
/// A lead submitted with chosen content (<see cref="SandboxState.SubmitLead"/>): what is not given is generated as for
/// any lead. Answers and consents replace the generated ones; consent values are sent as given (<c>"1"</c>, <c>"0"</c>,
/// or a JSON boolean when given as a bool).
/// </summary>
public sealed record SandboxLead
{
    /// <summary>When the lead was created; now when null.</summary>
    public DateTimeOffset? CreatedTime { get; init; }

    public CreatedTimeForm CreatedTimeAs { get; init; } = CreatedTimeForm.Iso;

    /// <summary><c>is_organic</c> sent as text (<c>"true"</c>/<c>"false"</c>), not as the boolean Meta's Lead object has.</summary>
    public bool IsOrganicAsText { get; init; }

    /// <summary>
    /// The lead node (<c>GET /{lead-id}</c>, what a leadgen webhook makes the client read) answers without the echo of its
    /// <c>id</c>; the <c>leads</c> edge still lists it with one. Meta's answers carry it: a client must not need it.
    /// </summary>
    public bool ReadWithoutId { get; init; }

    /// <summary>
    /// The <c>leads</c> edge lists the lead without its <c>id</c> (the node still has it). Meta documents no such item;
    /// a client must still not lose it silently.
    /// </summary>
    public bool ListedWithoutId { get; init; }

    /// <summary>The whole <c>field_data</c>: question key → answers (none, one or several).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>>? Answers { get; init; }

    /// <summary>The whole <c>custom_disclaimer_responses</c>: check box key → <c>is_checked</c> (a string or a bool).</summary>
    public IReadOnlyDictionary<string, object>? Consents { get; init; }

    /// <summary>
    /// An organic lead (the form reached from a post or its own link, not an ad): Graph then sends no ad fields and the
    /// leadgen webhook's value has no <c>ad_id</c> or <c>adgroup_id</c>. Null leaves it as generated.
    /// </summary>
    public bool? IsOrganic { get; init; }

    public string? AdName { get; init; }

    public string? AdsetName { get; init; }

    public string? CampaignName { get; init; }

    public string? Platform { get; init; }

    public string? PartnerName { get; init; }

    public string? RetailerItemId { get; init; }

    /// <summary><c>home_listing</c>, <c>vehicle</c> and <c>post</c>: node references, sent as objects with their id.</summary>
    public string? HomeListingId { get; init; }

    public string? VehicleId { get; init; }

    public string? PostId { get; init; }

    /// <summary>
    /// A test lead (<c>POST /{form-id}/test_leads</c>): organic, no ad, listed on the form's <c>test_leads</c> edge and
    /// deletable. Meta's testing tool makes one per form; submitted with this set, a form lists several (whether Graph ever
    /// does is *unverified*), so a client must walk every page of the edge to delete them all before the POST is taken.
    /// </summary>
    public bool IsTestLead { get; init; }

    /// <summary>
    /// This lead's content: the generated one with what was given put over it. A lead given as from an ad that was generated
    /// organic gets the ad <paramref name="adOf"/> draws: Graph sends the ad fields of every lead that is not organic.
    /// </summary>
    internal LeadContent Apply(LeadContent generated, Func<AdInfo> adOf)
    {
        var organic = IsTestLead || (IsOrganic ?? generated.IsOrganic);
        var ad = organic ? null : generated.Ad ?? adOf();
        ad = ad is null ? null : ad with { AdName = AdName ?? ad.AdName, AdsetName = AdsetName ?? ad.AdsetName, CampaignName = CampaignName ?? ad.CampaignName };
        return generated with
        {
            FieldData = Answers is null ? generated.FieldData : [.. Answers.Select(a => new FieldData(a.Key, a.Value))],
            IsOrganic = organic,
            Platform = Platform ?? generated.Platform,
            Ad = ad,
            Consents = Consents is null ? generated.Consents : [.. Consents.Select(c => new ConsentJson(c.Key, c.Value))],
            PartnerName = PartnerName,
            RetailerItemId = RetailerItemId,
            HomeListingId = HomeListingId,
            VehicleId = VehicleId,
            PostId = PostId,
        };
    }
}
