namespace LeadOps.Application.Integrations;

/// <summary>
/// Graph's <c>has_lead_access</c>: whether this app (and the token's user) may read the page's leads; when the
/// business customised Leads Access and left the app out, why and what to do (Graph's own words, when it gives them).
/// </summary>
public sealed record FacebookLeadAccess(bool? CanAccessLeads, bool? LeadAccessManagerEnabled, string? FailureReason, string? FailureResolution);
