using System.Text.Json.Serialization;
using LeadOps.Application.Leads;
using LeadOps.Application.Leads.Commands;
using LeadOps.Domain.Leads;

namespace LeadOps.Web.Api.Leads;

/// <summary>What <c>/api/leads</c> and the retrieval history answer (snake_case on the wire, enums as their snake_case names).</summary>
internal static class LeadContracts
{
    internal sealed record LeadList(IReadOnlyList<LeadListItemResponse> Leads, string? NextCursor)
    {
        public static LeadList From(LeadPage page) => new([.. page.Items.Select(LeadListItemResponse.From)], page.NextCursor);
    }

    internal sealed record LeadListItemResponse(
        long Id, string FacebookLeadId, string Name, string? Email, string? Phone, string FormId, string? FormName, LeadSource Source,
        WelcomeStatus WelcomeStatus, DateTimeOffset CreatedTime, DateTimeOffset FirstSeenAt, StageResponse? Stage)
    {
        public static LeadListItemResponse From(LeadListItem l) =>
            new(l.Id, l.FacebookLeadId, l.Name, l.Email, l.Phone, l.FormId, l.FormName, l.Source, l.WelcomeStatus, l.CreatedTime, l.FirstSeenAt,
                StageResponse.Of(l.StageKey, l.StageName));
    }

    /// <summary>The lead's stage: its key and its name as the user calls it now; null when the lead has none.</summary>
    internal sealed record StageResponse(string Key, string Name)
    {
        public static StageResponse? Of(string? key, string? name) => string.IsNullOrEmpty(key) ? null : new(key, string.IsNullOrEmpty(name) ? key : name);
    }

    /// <summary>
    /// One lead; <c>created_time_known</c> false when Graph gave no readable time (then it is when LeadOps first saw it).
    /// Its answers are field_data's, in order, each with its own values (a name Meta sends twice is two answers).
    /// </summary>
    internal sealed record LeadResponse(
        long Id, string FacebookLeadId, int? IntegrationId, string PageId, string FormId, string? FormName, string? Name, string? FirstName,
        string? LastName, string? Email, string? Phone, string? AdId, string? AdName, string? AdsetId, string? AdsetName, string? CampaignId,
        string? CampaignName, bool? IsOrganic, string? Platform, DateTimeOffset CreatedTime, bool CreatedTimeKnown, DateTimeOffset FirstSeenAt,
        LeadSource Source, WelcomeStatus WelcomeStatus, string? PartnerName, string? RetailerItemId, string? HomeListingId, string? VehicleId,
        string? PostId, IReadOnlyList<AnswerResponse> Answers, IReadOnlyList<ConsentResponse> Consents, StageResponse? Stage)
    {
        public static LeadResponse From(LeadDetails l)
        {
            var ad = l.Attribution;
            return new(
                l.Id, l.FacebookLeadId, l.IntegrationId, l.PageId, l.FormId, l.FormName, l.FullName, l.FirstName, l.LastName, l.Email, l.Phone,
                ad.AdId, ad.AdName, ad.AdsetId, ad.AdsetName, ad.CampaignId, ad.CampaignName, ad.IsOrganic, ad.Platform, l.CreatedTime, l.CreatedTimeKnown,
                l.FirstSeenAt, l.Source, l.WelcomeStatus, l.PartnerName, l.RetailerItemId, l.HomeListingId, l.VehicleId, l.PostId,
                [.. l.Answers.Zip(l.LabelledAnswers, (stored, read) => new AnswerResponse(stored.Name, stored.Values, read.Question, read.Values))],
                [.. l.Consents.Select(c => new ConsentResponse(c.Key, c.Checked))], StageResponse.Of(l.StageKey, l.StageName));
        }
    }

    /// <summary>An answer as stored (<c>name</c>, <c>values</c>) and as people read it (the question's label, the options' texts).</summary>
    internal sealed record AnswerResponse(string Name, IReadOnlyList<string> Values, string Question, IReadOnlyList<string> Labels);

    internal sealed record ConsentResponse(string Key, bool Checked);

    internal sealed record RunList(IReadOnlyList<RunResponse> Runs);

    /// <summary>One retrieval run; <c>outcome</c> keeps the enum's own names (<c>Succeeded</c>, <c>CompletedWithFailures</c>, …).</summary>
    internal sealed record RunResponse(
        long Id, int IntegrationId, string FormId, string? FormName, RetrievalTrigger Trigger, DateTimeOffset? Since, DateTimeOffset? Until,
        DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, double? DurationMs, int TotalProcessed, int NewLeads, int ExistingLeads,
        int FailedLeads, [property: JsonConverter(typeof(JsonStringEnumConverter<RetrievalOutcome>))] RetrievalOutcome Outcome, string? Error,
        IReadOnlyList<RunLeadResponse>? ProcessedLeads, string? Warning)
    {
        public static RunResponse From(RetrievalRunView r) => new(
            r.Id, r.IntegrationId, r.FormId, r.FormName, r.Trigger, r.Since, r.Until, r.StartedAt, r.FinishedAt,
            r.FinishedAt is { } f ? (f - r.StartedAt).TotalMilliseconds : null, r.Retrieved, r.Created, r.Existing, r.Failed, r.Outcome, r.Error,
            r.Items?.Select(p => new RunLeadResponse(p.FacebookLeadId, p.Status, p.LeadId, p.Name, p.Error)).ToList(), r.Warning);
    }

    internal sealed record RunLeadResponse(string FacebookLeadId, ProcessedLeadStatus Status, long? LeadId, string? Name, string? Error);

    internal sealed record BulkResponse(bool Success, string Message, BulkData Data)
    {
        public static BulkResponse From(BulkRetrievalSummary bulk) => new(
            bulk.FailedForms == 0,
            $"Retrieved {bulk.NewLeads} new leads and found {bulk.ExistingLeads} existing leads across {bulk.Forms.Count} forms" +
                (bulk.FailedForms > 0 ? $"; {bulk.FailedForms} forms failed" : string.Empty),
            new BulkData(bulk.TotalProcessed, bulk.NewLeads, bulk.ExistingLeads, bulk.FailedLeads, [.. bulk.Forms.Select(BulkFormResponse.From)]));
    }

    internal sealed record BulkData(int TotalProcessed, int NewLeads, int ExistingLeads, int FailedLeads, IReadOnlyList<BulkFormResponse> Forms);

    internal sealed record BulkFormResponse(
        string FormId, string? FormName, bool Success, string? Error, string? Detail, int TotalProcessed, int NewLeads, int ExistingLeads, int FailedLeads)
    {
        public static BulkFormResponse From(FormRetrievalResult f) => new(
            f.FormId, f.FormName, f.Success, f.Error, f.Detail, f.Summary?.TotalProcessed ?? 0, f.Summary?.NewLeads ?? 0,
            f.Summary?.ExistingLeads ?? 0, f.Summary?.FailedLeads ?? 0);
    }

    internal sealed record WebhookHealthList(IReadOnlyList<WebhookHealthResponse> Integrations);

    internal sealed record WebhookHealthResponse(
        int IntegrationId,
        string Name,
        DateTimeOffset? LastWebhookAt,
        [property: JsonPropertyName("leads_7_days")] int Leads7Days,
        [property: JsonPropertyName("found_by_retrieval_7_days")] int FoundByRetrieval7Days,
        [property: JsonPropertyName("miss_rate_7_days")] double MissRate7Days,
        [property: JsonPropertyName("leads_30_days")] int Leads30Days,
        [property: JsonPropertyName("found_by_retrieval_30_days")] int FoundByRetrieval30Days,
        [property: JsonPropertyName("miss_rate_30_days")] double MissRate30Days,
        IReadOnlyList<string> Warnings)
    {
        public static WebhookHealthResponse From(WebhookHealth h) => new(
            h.IntegrationId, h.IntegrationName, h.LastWebhookAt, h.Leads7Days, h.FoundByRetrieval7Days, h.MissRate7Days, h.Leads30Days,
            h.FoundByRetrieval30Days, h.MissRate30Days, h.Warnings);
    }
}
