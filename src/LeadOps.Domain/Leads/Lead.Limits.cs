namespace LeadOps.Domain.Leads;

/// <summary>
/// Every text a lead stores has its limit here, used by the mapping from Graph and by both providers' columns alike. A
/// value that is too long is cut with <see cref="TextLimit.CutMark"/> at the end: a whole page of leads is never refused
/// because one of them holds an over-long value.
/// </summary>
public sealed partial class Lead
{
    /// <summary>Full names, and the names of forms, ads, ad sets, campaigns and partners.</summary>
    public const int NameLength = 300;

    /// <summary>First and last names.</summary>
    public const int PartNameLength = 150;

    public const int EmailLength = 320;
    public const int PhoneLength = 64;
    public const int PlatformLength = 20;

    /// <summary>A retailer item id and the ids of a home listing, a vehicle or a post (catalogue ids, compound post ids).</summary>
    public const int ReferenceLength = 300;

    /// <summary>A question's key, one answer, and how many of each a lead keeps.</summary>
    public const int AnswerKeyLength = 200;
    public const int AnswerLength = 2000;
    public const int MaxAnswers = 100;
    public const int MaxAnswerValues = 50;

    /// <summary>A consent check box's key, and how many a lead keeps.</summary>
    public const int ConsentKeyLength = 100;
    public const int MaxConsents = 20;

    /// <summary>An e-mail address that was cut to fit is not an address: nobody is written to at it.</summary>
    public bool HasUsableEmail => !string.IsNullOrWhiteSpace(Email) && !TextLimit.WasCut(Email);

    /// <summary>Cuts every text of the lead that is longer than its column, with the cut mark.</summary>
    public void KeepWithinLimits()
    {
        FormName = TextLimit.Fit(FormName, NameLength);
        FullName = TextLimit.Fit(FullName, NameLength);
        FirstName = TextLimit.Fit(FirstName, PartNameLength);
        LastName = TextLimit.Fit(LastName, PartNameLength);
        Email = TextLimit.Fit(Email, EmailLength);
        Phone = TextLimit.Fit(Phone, PhoneLength);
        AdId = TextLimit.Fit(AdId, FacebookId.MaxLength);
        AdsetId = TextLimit.Fit(AdsetId, FacebookId.MaxLength);
        CampaignId = TextLimit.Fit(CampaignId, FacebookId.MaxLength);
        AdName = TextLimit.Fit(AdName, NameLength);
        AdsetName = TextLimit.Fit(AdsetName, NameLength);
        CampaignName = TextLimit.Fit(CampaignName, NameLength);
        Platform = TextLimit.Fit(Platform, PlatformLength);
        PartnerName = TextLimit.Fit(PartnerName, NameLength);
        RetailerItemId = TextLimit.Fit(RetailerItemId, ReferenceLength);
        HomeListingId = TextLimit.Fit(HomeListingId, ReferenceLength);
        VehicleId = TextLimit.Fit(VehicleId, ReferenceLength);
        PostId = TextLimit.Fit(PostId, ReferenceLength);
    }

    /// <summary>The answers as a lead keeps them: at most <see cref="MaxAnswers"/>, each key and value within its limit.</summary>
    public static IReadOnlyList<LeadAnswer> FitAnswers(IEnumerable<LeadAnswer> answers) =>
        [.. answers.Take(MaxAnswers).Select(a => new LeadAnswer(
            TextLimit.Fit(a.Name, AnswerKeyLength)!,
            [.. a.Values.Take(MaxAnswerValues).Select(v => TextLimit.Fit(v, AnswerLength)!)]))];

    /// <summary>The consents as a lead keeps them: at most <see cref="MaxConsents"/>, each key within its limit.</summary>
    public static IReadOnlyList<LeadConsent> FitConsents(IEnumerable<LeadConsent> consents) =>
        [.. consents.Take(MaxConsents).Select(c => c with { Key = TextLimit.Fit(c.Key, ConsentKeyLength)! })];
}
