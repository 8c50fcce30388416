namespace LeadOps.Infrastructure.Graph.Dtos;

/// <summary><c>GET /me?fields=id,name</c> with a page token.</summary>
internal sealed record GraphPageDto
{
    public string? Id { get; init; }

    public string? Name { get; init; }
}
