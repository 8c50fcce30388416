namespace LeadOps.Infrastructure.Graph.Dtos;

internal sealed record GraphSendMessageResponse
{
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? RecipientId { get; init; }

    public string? MessageId { get; init; }
}
