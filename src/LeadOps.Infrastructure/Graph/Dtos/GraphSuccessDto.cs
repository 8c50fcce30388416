namespace LeadOps.Infrastructure.Graph.Dtos;

/// <summary>
/// <c>{"success":true}</c>; older Graph versions answer the same calls (subscribed_apps, handover, DELETE) with a bare
/// <c>true</c>, read as the same (<see cref="GraphSuccessConverter"/>).
/// </summary>
[JsonConverter(typeof(GraphSuccessConverter))]
internal sealed record GraphSuccessDto
{
    public bool? Success { get; init; }
}
