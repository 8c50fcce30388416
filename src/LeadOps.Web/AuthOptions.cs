namespace LeadOps.Web;

/// <summary>Section <c>Auth</c>.</summary>
public sealed class AuthOptions
{
    /// <summary>Whether /Account/Register is open. Default: true in Development, false otherwise.</summary>
    public bool AllowRegistration { get; set; }
}
