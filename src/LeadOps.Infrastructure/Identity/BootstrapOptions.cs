namespace LeadOps.Infrastructure.Identity;

/// <summary>Section <c>Bootstrap</c>: the first user, created on start when no user exists.</summary>
public sealed class BootstrapOptions
{
    public const string SectionName = "Bootstrap";

    public string? AdminEmail { get; set; }

    public string? AdminPassword { get; set; }
}

/// <summary>Section <c>Admin</c> (env <c>ADMIN_USER_ID</c>, <c>ADMIN_API_KEY</c>): the brief's admin identity.</summary>
public sealed class AdminOptions
{
    public const string SectionName = "Admin";

    public string? UserId { get; set; }

    public string? ApiKey { get; set; }
}

/// <summary>Section <c>Demo</c>: the zero-setup demo user (Development only).</summary>
public sealed class DemoOptions
{
    public const string SectionName = "Demo";

    public bool Enabled { get; set; }

    public string Email { get; set; } = "demo@leadops.local";

    public string Password { get; set; } = "Demo-Pass-2026!";
}
