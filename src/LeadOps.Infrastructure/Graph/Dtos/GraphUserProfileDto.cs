namespace LeadOps.Infrastructure.Graph.Dtos;

/// <summary><c>GET /{psid}?fields=first_name,last_name,name,profile_pic</c> (User Profile API); any of them may be missing.</summary>
internal sealed record GraphUserProfileDto
{
    public string? Id { get; init; }

    public string? FirstName { get; init; }

    public string? LastName { get; init; }

    /// <summary>The whole name; some profiles answer with it alone.</summary>
    public string? Name { get; init; }

    public string? ProfilePic { get; init; }
}
