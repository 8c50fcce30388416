namespace LeadOps.Infrastructure.Graph.Dtos;

/// <summary>Body of <c>POST /{page-id}/messages</c>.</summary>
internal sealed record GraphSendMessageRequest(
    GraphRecipientDto Recipient,
    string MessagingType,
    GraphMessageDto Message,
    string? Tag);
