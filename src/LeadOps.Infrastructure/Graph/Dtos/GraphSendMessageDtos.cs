using LeadOps.Infrastructure.Graph.Json;

namespace LeadOps.Infrastructure.Graph.Dtos;

/// <summary>Body of <c>POST /{page-id}/messages</c>.</summary>
internal sealed record GraphSendMessageRequest(
    GraphRecipientDto Recipient,
    string MessagingType,
    GraphMessageDto Message,
    string? Tag);

internal sealed record GraphRecipientDto(string Id);

internal sealed record GraphMessageDto(string Text);

internal sealed record GraphSendMessageResponse
{
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? RecipientId { get; init; }

    public string? MessageId { get; init; }
}
