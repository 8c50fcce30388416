namespace LeadOps.Infrastructure.Graph.Dtos;

internal sealed record GraphDebugTokenDto
{
    public string? AppId { get; init; }

    public string? Type { get; init; }

    public bool? IsValid { get; init; }

    /// <summary>Unix seconds; 0 means the token does not expire.</summary>
    public long? ExpiresAt { get; init; }

    public long? DataAccessExpiresAt { get; init; }

    public List<string>? Scopes { get; init; }

    public string? ProfileId { get; init; }

    public string? UserId { get; init; }
}
