namespace LeadOps.Web.Security;

/// <summary>Section <c>Security</c>: request size and the sign-in and registration rate limits.</summary>
public sealed class SecurityOptions
{
    public const string SectionName = "Security";

    /// <summary>The largest request body accepted (Meta's webhook keeps its own 16 MB limit, for a batch of 1000 updates). Larger answers 413.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Sign-in and registration attempts one client address may make per <see cref="SignInWindow"/>.</summary>
    public int SignInPermitsPerAddress { get; set; } = 20;

    /// <summary>Sign-in attempts for one account (known or not) per <see cref="SignInWindow"/>, from any address.</summary>
    public int SignInPermitsPerAccount { get; set; } = 10;

    public TimeSpan SignInWindow { get; set; } = TimeSpan.FromMinutes(5);
}
