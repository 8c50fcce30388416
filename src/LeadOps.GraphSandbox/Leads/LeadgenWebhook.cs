namespace LeadOps.GraphSandbox;

/// <summary>The <c>leadgen</c> webhook Meta sends when someone submits a lead form.</summary>
internal static class LeadgenWebhook
{
    /// <param name="pageId">The form's page.</param>
    /// <param name="formId">The form.</param>
    /// <param name="leadId">The new lead.</param>
    /// <param name="createdUnix">When the lead was created (unix seconds).</param>
    /// <param name="adId">The ad the lead came from; null for an organic lead.</param>
    /// <param name="timeUnix">When the event was sent (unix seconds).</param>
    /// <param name="idsAsNumbers">Ids as JSON numbers (Meta's sample) instead of strings.</param>
    public static string Body(string pageId, string formId, string leadId, long createdUnix, string? adId, long timeUnix, bool idsAsNumbers) =>
        WebhookJson.PageEntry(w =>
        {
            WebhookJson.WriteId(w, "id", pageId, idsAsNumbers);
            w.WriteNumber("time", timeUnix);
            w.WriteStartArray("changes");
            w.WriteStartObject();
            w.WriteString("field", "leadgen");
            w.WriteStartObject("value");
            WebhookJson.WriteId(w, "leadgen_id", leadId, idsAsNumbers);
            WebhookJson.WriteId(w, "page_id", pageId, idsAsNumbers);
            WebhookJson.WriteId(w, "form_id", formId, idsAsNumbers);
            if (adId is not null)
            {
                WebhookJson.WriteId(w, "adgroup_id", adId, idsAsNumbers);
                WebhookJson.WriteId(w, "ad_id", adId, idsAsNumbers);
            }

            w.WriteNumber("created_time", createdUnix);
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndArray();
        });
}
