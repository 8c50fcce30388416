namespace LeadOps.Infrastructure.Graph.Dtos;

/// <summary><c>{"success":true}</c>.</summary>
internal sealed record GraphSuccessDto
{
    public bool? Success { get; init; }
}
