using System.Text.Json;

namespace LeadOps.Application.Leads;

/// <summary>Turns what Graph returned into a Lead, or says why it can't.</summary>
internal static class LeadMapping
{
    public static (Lead? Lead, string? Error) FromFacebook(FacebookLeadData data, int integrationId, string pageId, string formId, string? formName, LeadSource source, DateTimeOffset now)
    {
        if (data.Problem is not null)
        {
            return (null, data.Problem);
        }

        if (string.IsNullOrWhiteSpace(data.Id) || data.Id.Length > FacebookId.MaxLength)
        {
            return (null, "The lead has no usable id.");
        }

        if (data.CreatedTime is not { } created)
        {
            return (null, "The lead has no created_time.");
        }

        var answers = data.FieldData.Select(a => new LeadAnswer(a.Name, a.Values)).ToList();
        var lead = new Lead
        {
            FacebookLeadId = data.Id,
            IntegrationId = integrationId,
            PageId = pageId,
            FormId = data.FormId ?? formId,
            FormName = formName,
            AdId = data.AdId,
            AdName = data.AdName,
            AdsetId = data.AdsetId,
            AdsetName = data.AdsetName,
            CampaignId = data.CampaignId,
            CampaignName = data.CampaignName,
            IsOrganic = data.IsOrganic,
            Platform = data.Platform,
            CreatedTime = created.ToUniversalTime(),
            FirstSeenAt = now,
            Source = source,
            AnswersJson = JsonSerializer.Serialize(answers, JsonOptions),
        };
        LeadFieldMapper.Apply(lead, answers);
        return (lead, lead.FitsItsColumns ? null : "An answer is too long to store.");
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
}
