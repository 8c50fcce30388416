namespace LeadOps.Infrastructure.Graph.Dtos;

/// <summary><c>GET /debug_token</c>: <c>{"data":{…}}</c>.</summary>
internal sealed record GraphDebugTokenResponse
{
    public GraphDebugTokenDto? Data { get; init; }
}
