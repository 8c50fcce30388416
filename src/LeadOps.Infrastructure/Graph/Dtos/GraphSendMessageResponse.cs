namespace LeadOps.Infrastructure.Graph.Dtos;

internal sealed record GraphSendMessageResponse
{
    public string? RecipientId { get; init; }

    public string? MessageId { get; init; }
}
