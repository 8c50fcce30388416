namespace LeadOps.Application.Common.Security;

/// <summary>Who is acting. Web resolves it from the cookie or API-key principal; background work sets it explicitly.</summary>
public interface ICurrentUser
{
    /// <summary>The acting user's id, or null when nobody is signed in.</summary>
    string? UserId { get; }

    bool IsAuthenticated => UserId is not null;

    /// <summary>How the user acts when not in their own browser session (e.g. <c>API key "crm" (lo_3fa9c1d2)</c>), else null.</summary>
    string? Via => null;

    /// <summary>The acting user's id; throws when nobody is signed in (a bug in the caller, not an expected outcome).</summary>
    string RequiredUserId => UserId ?? throw new InvalidOperationException("No current user: this operation needs a signed-in user or an explicit owner.");
}
