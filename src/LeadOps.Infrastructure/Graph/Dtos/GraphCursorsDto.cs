namespace LeadOps.Infrastructure.Graph.Dtos;

internal sealed record GraphCursorsDto
{
    public string? Before { get; init; }

    public string? After { get; init; }
}
