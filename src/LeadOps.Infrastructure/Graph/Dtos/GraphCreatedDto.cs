namespace LeadOps.Infrastructure.Graph.Dtos;

/// <summary>What a create answers: <c>{"id":"…"}</c>.</summary>
internal sealed record GraphCreatedDto
{
    public string? Id { get; init; }
}
