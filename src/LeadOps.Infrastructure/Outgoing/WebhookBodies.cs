using LeadOps.Application.Leads.Queries;
using LeadOps.Application.Outgoing;
using LeadOps.Domain.Outgoing;

namespace LeadOps.Infrastructure.Outgoing;

/// <summary>Builds an event's body from what is stored (as the event's owner): the lead with labelled answers, the conversation.</summary>
internal static class WebhookBodies
{
    public static async Task<WebhookBody> BuildAsync(LeadOpsDbContext db, OutgoingEvent e, CancellationToken cancellationToken)
    {
        var lead = e.LeadId is { } leadId ? await LeadAsync(db, leadId, cancellationToken) : null;
        WebhookBody.ConversationData? conversation = null;
        if (e.ConversationId is { } conversationId
            && await db.Conversations.AsNoTracking().FirstOrDefaultAsync(c => c.Id == conversationId, cancellationToken) is { } c)
        {
            conversation = new WebhookBody.ConversationData(c.Id, c.PageId, c.CustomerLabel, e.Detail);
        }

        var stage = e.Name == OutgoingEventNames.LeadStageChanged ? Stage(e.Detail) : null;
        return new WebhookBody(e.EventId, e.Name, e.OccurredAt, new WebhookBody.EventData(lead, conversation, stage));
    }

    /// <summary>
    /// A stage change's stages, or null when its detail cannot be read (earlier releases cut long stage names' JSON at
    /// 500 characters): the event is still sent, with its lead, rather than held up for good.
    /// </summary>
    private static WebhookBody.StageData? Stage(string? detail)
    {
        try
        {
            return detail is null ? null : JsonSerializer.Deserialize<WebhookBody.StageData>(detail, JsonSerializerOptions.Web);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static async Task<WebhookBody.LeadData?> LeadAsync(LeadOpsDbContext db, long id, CancellationToken cancellationToken)
    {
        if (await db.Leads.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, cancellationToken) is not { } l)
        {
            return null;
        }

        var form = await db.IntegrationForms.AsNoTracking().Where(f => f.IntegrationId == l.IntegrationId && f.FormId == l.FormId).FirstOrDefaultAsync(cancellationToken)
            ?? await db.IntegrationForms.AsNoTracking().Where(f => f.FormId == l.FormId).OrderByDescending(f => f.RefreshedAt).FirstOrDefaultAsync(cancellationToken);
        var answers = JsonSerializer.Deserialize<List<LeadAnswer>>(l.AnswersJson, JsonSerializerOptions.Web) ?? [];
        var labelled = LabelledAnswer.Label(answers, form?.Questions ?? []);
        return new WebhookBody.LeadData(
            l.Id, l.FacebookLeadId, l.CreatedTime, l.FormId, l.FormName, l.PageId, l.IntegrationId, JsonNamingPolicy.SnakeCaseLower.ConvertName(l.Source.ToString()),
            l.FullName, l.Email, l.Phone,
            [.. labelled.Select(a => new WebhookBody.AnswerData(a.Key, a.Question, a.Values))],
            [.. l.Consents.Select(c => new WebhookBody.ConsentData(c.Key, c.Checked))],
            new WebhookBody.AttributionData(l.AdId, l.AdName, l.AdsetId, l.AdsetName, l.CampaignId, l.CampaignName, l.IsOrganic, l.Platform, l.PartnerName));
    }
}
