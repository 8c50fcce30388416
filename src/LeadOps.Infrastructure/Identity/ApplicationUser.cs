using Microsoft.AspNetCore.Identity;

namespace LeadOps.Infrastructure.Identity;

/// <summary>A staff member who signs in to LeadOps.</summary>
public sealed class ApplicationUser : IdentityUser
{
    public string? DisplayName { get; set; }
}
