namespace LeadOps.Infrastructure.Graph.Dtos;

/// <summary><c>GET /{psid}?fields=first_name,last_name,profile_pic</c> (User Profile API).</summary>
internal sealed record GraphUserProfileDto
{
    public string? Id { get; init; }

    public string? FirstName { get; init; }

    public string? LastName { get; init; }

    public string? ProfilePic { get; init; }
}
