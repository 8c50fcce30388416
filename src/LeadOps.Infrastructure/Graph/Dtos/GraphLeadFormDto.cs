namespace LeadOps.Infrastructure.Graph.Dtos;

internal sealed record GraphLeadFormDto
{
    public string? Id { get; init; }

    public string? Name { get; init; }

    public string? Status { get; init; }

    public string? Locale { get; init; }

    public string? CreatedTime { get; init; }

    public int? LeadsCount { get; init; }

    /// <summary><c>[{"key","label","type","options":[{"key","value"}]}]</c>, kept raw and read leniently.</summary>
    public JsonElement? Questions { get; init; }
}
