namespace LeadOps.Infrastructure.Identity;

/// <summary>Section <c>Bootstrap</c>: the first user, created on start when no user exists.</summary>
public sealed class BootstrapOptions
{
    public const string SectionName = "Bootstrap";

    public string? AdminEmail { get; set; }

    public string? AdminPassword { get; set; }
}
