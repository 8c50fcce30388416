using System.Text.Json;

namespace LeadOps.Application.Leads;

/// <summary>
/// Turns what Graph returned into a Lead, or says why it can't (only a lead without a usable id cannot be stored). A
/// lead without a readable created_time takes the time announced by its webhook, else the time LeadOps first saw it,
/// and says so; every value is kept within its column (<see cref="Lead.KeepWithinLimits"/>).
/// </summary>
internal static class LeadMapping
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    /// <summary>The lead's form: Graph's answer when it names a usable one, else the form the caller knew it by.</summary>
    public static string FormIdOf(FacebookLeadData data, string knownFormId) =>
        data.FormId is { Length: > 0 and <= FacebookId.MaxLength } graphForm ? graphForm : knownFormId;

    public static (Lead? Lead, string? Error) FromFacebook(
        FacebookLeadData data, int integrationId, string pageId, string formId, string? formName, LeadSource source, DateTimeOffset now,
        DateTimeOffset? announcedCreatedTime = null)
    {
        if (data.Problem is not null)
        {
            return (null, data.Problem);
        }

        if (string.IsNullOrWhiteSpace(data.Id) || data.Id.Length > FacebookId.MaxLength)
        {
            return (null, "The lead has no usable id.");
        }

        var created = data.CreatedTime ?? announcedCreatedTime;
        var ad = data.Attribution;
        var answers = Lead.FitAnswers(data.FieldData.Select(a => new LeadAnswer(a.Name, a.Values)));
        var lead = new Lead
        {
            FacebookLeadId = data.Id,
            IntegrationId = integrationId,
            PageId = pageId,
            FormId = FormIdOf(data, formId),
            FormName = formName,
            AdId = ad.AdId,
            AdName = ad.AdName,
            AdsetId = ad.AdsetId,
            AdsetName = ad.AdsetName,
            CampaignId = ad.CampaignId,
            CampaignName = ad.CampaignName,
            IsOrganic = ad.IsOrganic,
            Platform = ad.Platform,
            PartnerName = data.PartnerName,
            RetailerItemId = data.RetailerItemId,
            HomeListingId = data.HomeListingId,
            VehicleId = data.VehicleId,
            PostId = data.PostId,
            CreatedTime = (created ?? now).ToUniversalTime(),
            CreatedTimeKnown = created is not null,
            FirstSeenAt = now,
            Source = source,
            AnswersJson = JsonSerializer.Serialize(answers, JsonOptions),
            Consents = data.Consents,
        };
        LeadFieldMapper.Apply(lead, answers);
        lead.KeepWithinLimits();
        lead.SetContactKeys();
        return (lead, null);
    }
}
