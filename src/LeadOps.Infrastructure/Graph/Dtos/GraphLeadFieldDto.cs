namespace LeadOps.Infrastructure.Graph.Dtos;

internal sealed record GraphLeadFieldDto
{
    public string? Name { get; init; }

    /// <summary>
    /// Answers; normally a list of strings, kept as elements so that a stray number or null does not fail the page (a
    /// single value sent without its list is read as that one value).
    /// </summary>
    public List<JsonElement>? Values { get; init; }
}
