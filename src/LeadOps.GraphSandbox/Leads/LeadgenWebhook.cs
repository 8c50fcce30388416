namespace LeadOps.GraphSandbox;

/// <summary>
/// The <c>leadgen</c> webhook Meta sends when someone submits a lead form: one lead's change in one page's entry, or as
/// Meta batches updates (graph-api/webhooks: a POST may hold up to 1000), several entries each holding several changes.
/// </summary>
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
        Batch([new Change(pageId, formId, leadId, createdUnix, adId)], timeUnix, idsAsNumbers);

    /// <summary>One delivery for <paramref name="changes"/>: an entry per page, in the order pages first appear, each with its leads' changes in order.</summary>
    public static string Batch(IReadOnlyList<Change> changes, long timeUnix, bool idsAsNumbers) => WebhookJson.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("object", "page");
        w.WriteStartArray("entry");
        foreach (var page in changes.GroupBy(c => c.PageId, StringComparer.Ordinal))
        {
            w.WriteStartObject();
            WebhookJson.WriteId(w, "id", page.Key, idsAsNumbers);
            w.WriteNumber("time", timeUnix);
            w.WriteStartArray("changes");
            foreach (var change in page)
            {
                WriteChange(w, change, idsAsNumbers);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    });

    private static void WriteChange(Utf8JsonWriter w, Change change, bool idsAsNumbers)
    {
        w.WriteStartObject();
        w.WriteString("field", "leadgen");
        w.WriteStartObject("value");
        WebhookJson.WriteId(w, "leadgen_id", change.LeadId, idsAsNumbers);
        WebhookJson.WriteId(w, "page_id", change.PageId, idsAsNumbers);
        WebhookJson.WriteId(w, "form_id", change.FormId, idsAsNumbers);
        if (change.AdId is not null)
        {
            WebhookJson.WriteId(w, "adgroup_id", change.AdId, idsAsNumbers);
            WebhookJson.WriteId(w, "ad_id", change.AdId, idsAsNumbers);
        }

        w.WriteNumber("created_time", change.CreatedUnix);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>One lead's change: its page, form, id, created time and ad (null for an organic lead).</summary>
    internal sealed record Change(string PageId, string FormId, string LeadId, long CreatedUnix, string? AdId);
}
