namespace LeadOps.Application.Conversations;

/// <summary>What the User Profile API gives for a PSID (any part may be missing).</summary>
public sealed record CustomerProfile(string? FirstName, string? LastName, string? PictureUrl);
