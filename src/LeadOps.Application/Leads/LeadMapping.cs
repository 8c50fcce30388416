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

        if (string.IsNullOrWhiteSpace(data.Id) || data.Id.Length > 64)
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
        return (lead, Truncated(lead));
    }

    /// <summary>A new lead's welcome: pending when its integration sends welcomes and the lead left an e-mail, else skipped.</summary>
    public static WelcomeStatus InitialWelcomeStatus(Domain.Integrations.Integration integration, Lead lead) =>
        integration.WelcomeEnabled && lead.Email is not null ? WelcomeStatus.Pending : WelcomeStatus.Skipped;

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    /// <summary>Values longer than their columns are a bad lead: reported as failed rather than silently cut.</summary>
    private static string? Truncated(Lead lead) =>
        (lead.FullName?.Length > 300 || lead.FirstName?.Length > 150 || lead.LastName?.Length > 150 || lead.Email?.Length > 320 || lead.Phone?.Length > 64)
            ? "An answer is too long to store."
            : null;
}
