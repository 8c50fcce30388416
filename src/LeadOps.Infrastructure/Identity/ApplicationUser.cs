using Microsoft.AspNetCore.Identity;

namespace LeadOps.Infrastructure.Identity;

/// <summary>A staff member who signs in to LeadOps.</summary>
public sealed class ApplicationUser : IdentityUser
{
    public const int DisplayNameLength = 100;

    /// <summary>
    /// The name colleagues see on the conversations this staff member takes and the replies and notes they write, set on
    /// the Account page (trimmed; null when blank, and the e-mail address stands in).
    /// </summary>
    public string? DisplayName { get; set; }
}
