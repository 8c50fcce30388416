namespace LeadOps.Infrastructure.Identity;

/// <summary>Section <c>Demo</c>: the zero-setup demo user (Development only).</summary>
public sealed class DemoOptions
{
    public const string SectionName = "Demo";

    public bool Enabled { get; set; }

    public string Email { get; set; } = "demo@leadops.local";

    public string Password { get; set; } = "Demo-Pass-2026!";
}
