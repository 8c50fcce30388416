using System.Text.Json.Serialization;
using LeadOps.Application.Leads;
using LeadOps.Domain.Conversations;

namespace LeadOps.Web.Api.Brief;

/// <summary>The brief's success bodies, field for field (snake_case on the wire; optional fields are left out, not null).</summary>
internal static class BriefContracts
{
    private const string FacebookFailed = "Facebook API call failed";

    /// <summary>
    /// The brief's request. <c>send_welcome</c> is LeadOps' own, optional: <c>false</c> stores the new leads without welcoming
    /// any of them (absent: as the brief has it, every new lead that may be welcomed is). Fields it does not name are
    /// ignored, as the brief's request model ignored them (the house API refuses them).
    /// </summary>
    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Skip)]
    internal sealed record RetrievalRequest(string? FormId, int? IntegrationId, DateTimeOffset? Since, DateTimeOffset? Until, bool? SendWelcome = null);

    internal sealed record FormList(IReadOnlyList<FormItem> Forms);

    internal sealed record FormItem(string Id, string Name, string Status, int IntegrationId, string PageId);

    internal sealed record RetrievalResponse(bool Success, string Message, RetrievalData Data);

    /// <summary>A Graph failure part-way: 502 with what was stored before it (<c>detail</c> is written even when empty).</summary>
    internal sealed record RetrievalFailure(string? Error, string? Detail, RetrievalData Data);

    /// <summary>The brief's counts; <c>failed_leads</c> only when some failed.</summary>
    internal sealed record RetrievalData(
        int TotalProcessed,
        int NewLeads,
        int ExistingLeads,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? FailedLeads,
        IReadOnlyList<ProcessedLeadItem> ProcessedLeads)
    {
        public static RetrievalData From(RetrievalSummary s) => new(
            s.TotalProcessed, s.NewLeads, s.ExistingLeads, s.FailedLeads > 0 ? s.FailedLeads : null,
            [.. s.ProcessedLeads.Select(p => new ProcessedLeadItem(p.FacebookLeadId, p.Status, p.LeadId, p.Name, p.Status == ProcessedLeadStatus.Failed ? p.Error : null))]);
    }

    /// <summary>One processed lead; <c>error</c> only on a failed one (which always says why).</summary>
    internal sealed record ProcessedLeadItem(
        string FacebookLeadId,
        ProcessedLeadStatus Status,
        long? LeadId,
        string? Name,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Error);

    /// <summary>The body of <c>/admin/send-message</c> as the brief documents it (every field a string; two of them UUIDs).</summary>
    internal sealed record SendMessageRequest(string ConversationId, string RecipientId, string MessageText, string AdminId);

    internal sealed record SendMessageResponse(bool Success, string Message, SendMessageData Data)
    {
        public const string SendingError = "This message (same idempotency key) is still being sent.";

        /// <summary>
        /// A reply Meta took without a confirmation is a success for the brief's client (sending it again would send it
        /// twice), with the reason it is not confirmed yet in <c>data.error</c>.
        /// </summary>
        public static SendMessageResponse From(ReplyOutcome outcome) => outcome.TakenByMeta
            ? new(true, "Message sent successfully", new SendMessageData(outcome.RecipientId, outcome.Text, outcome.Unconfirmed ? outcome.Error : null))
            : new(false, "Failed to send message", new SendMessageData(outcome.RecipientId, null, outcome.Status == MessageStatus.Sending ? SendingError : outcome.Error ?? FacebookFailed));
    }

    internal sealed record SendMessageData(
        string RecipientId,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Message,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Error);

    /// <summary>
    /// The brief's test answer: <c>success</c>, <c>recipient_id</c> and <c>message</c> whether Meta took the message or not
    /// (the brief's send returned false without raising); <c>error</c> only when it failed.
    /// </summary>
    internal sealed record TestMessageResponse(
        bool Success,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? RecipientId,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Message,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Error)
    {
        public static TestMessageResponse From(ReplyOutcome outcome) => outcome.TakenByMeta
            ? new(true, outcome.RecipientId, outcome.Text, outcome.Unconfirmed ? outcome.Error : null)
            : new(false, outcome.RecipientId, outcome.Text, outcome.Error ?? FacebookFailed);

        public static TestMessageResponse Failed(string error) => new(false, null, null, error);
    }
}
