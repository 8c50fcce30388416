namespace LeadOps.Infrastructure.Graph.Dtos;

internal sealed record GraphLeadFieldDto
{
    public string? Name { get; init; }

    /// <summary>Answers; normally strings, kept as elements so that a stray number or null does not fail the page.</summary>
    public List<JsonElement>? Values { get; init; }
}
