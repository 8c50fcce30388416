using System.Text.Json;
using System.Text.Json.Serialization;

namespace LeadOps.Application.Outgoing;

/// <summary>
/// What an endpoint receives (snake_case JSON): the event's id, name and time, and its lead (answers with their
/// question labels where the form's questions are known, attribution, consent) and conversation when it has them.
/// </summary>
public sealed record WebhookBody(Guid Id, string Event, DateTimeOffset CreatedAt, WebhookBody.EventData Data)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string Serialize() => JsonSerializer.Serialize(this, Json);

    /// <summary>The sample "send a test event" posts: a made-up lead, marked as a test.</summary>
    public static WebhookBody Sample(DateTimeOffset now) => new(Guid.NewGuid(), Domain.Outgoing.OutgoingEventNames.Test, now, new EventData(
        new LeadData(
            0, "0", now, "0", "Sample form", "0", null, "webhook", "Ana Sample", "ana@example.test", "+351910000000",
            [new AnswerData("full_name", "Full name", ["Ana Sample"])],
            [new ConsentData("optional_1", true)],
            new AttributionData(null, "Sample ad", null, null, null, "Sample campaign", false, "fb", null)),
        null, null) { Test = true });

    public sealed record EventData(LeadData? Lead, ConversationData? Conversation, StageData? Stage)
    {
        public bool? Test { get; init; }
    }

    public sealed record LeadData(
        long Id, string FacebookLeadId, DateTimeOffset CreatedTime, string FormId, string? FormName, string PageId, int? IntegrationId, string Source,
        string? FullName, string? Email, string? Phone, IReadOnlyList<AnswerData> Answers, IReadOnlyList<ConsentData> Consents, AttributionData Attribution);

    public sealed record AnswerData(string Key, string Question, IReadOnlyList<string> Values);

    public sealed record ConsentData(string Key, bool Checked);

    public sealed record AttributionData(
        string? AdId, string? AdName, string? AdsetId, string? AdsetName, string? CampaignId, string? CampaignName, bool? IsOrganic, string? Platform, string? PartnerName);

    public sealed record ConversationData(Guid Id, string PageId, string Customer, string? Reason);

    /// <summary>For <c>lead.stage_changed</c>: the stage left and the stage entered.</summary>
    public sealed record StageData(string? From, string To);
}
