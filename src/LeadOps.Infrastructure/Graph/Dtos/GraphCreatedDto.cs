namespace LeadOps.Infrastructure.Graph.Dtos;

/// <summary>What a create answers: <c>{"id":"…"}</c>.</summary>
internal sealed record GraphCreatedDto
{
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? Id { get; init; }
}
