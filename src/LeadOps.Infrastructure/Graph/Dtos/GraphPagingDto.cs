namespace LeadOps.Infrastructure.Graph.Dtos;

internal sealed record GraphPagingDto
{
    public GraphCursorsDto? Cursors { get; init; }

    public string? Previous { get; init; }

    /// <summary>Full URL of the next page; absent on the last page.</summary>
    public string? Next { get; init; }
}
