namespace LeadOps.Infrastructure.Graph.Dtos;

/// <summary>One entry of <c>GET /{page-id}/subscribed_apps</c>.</summary>
internal sealed record GraphSubscribedAppDto
{
    public string? Id { get; init; }

    public string? Name { get; init; }

    public List<string>? SubscribedFields { get; init; }
}
