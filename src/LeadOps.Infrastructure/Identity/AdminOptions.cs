namespace LeadOps.Infrastructure.Identity;

/// <summary>Section <c>Admin</c> (env <c>ADMIN_USER_ID</c>, <c>ADMIN_API_KEY</c>): the brief's admin identity.</summary>
public sealed class AdminOptions
{
    public const string SectionName = "Admin";

    public string? UserId { get; set; }

    public string? ApiKey { get; set; }
}
