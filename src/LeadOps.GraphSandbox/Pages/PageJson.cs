namespace LeadOps.GraphSandbox;

/// <summary>A page node as Graph answers it; <c>has_lead_access</c> only when asked for by name.</summary>
internal sealed record PageJson(string Id, string Name, string Category, string Link, PageJson.LeadAccess HasLeadAccess)
{
    public static PageJson Of(PageState page) => new(page.Id, page.Name, page.Category, $"https://www.facebook.com/{page.Id}", LeadAccess.Of(page));

    /// <summary>
    /// Graph's answer to <c>GET /{page-id}?fields=has_lead_access</c>: whether this app and the token's user may download
    /// the page's leads, and when not, why and what to do.
    /// </summary>
    internal sealed record LeadAccess(
        bool AppHasLeadsPermission, bool UserHasLeadsPermission, bool CanAccessLead, bool EnabledLeadAccessManager, bool IsPageAdmin,
        string? FailureReason, string? FailureResolution)
    {
        public static LeadAccess Of(PageState page) => page.HasLeadAccess
            ? new(true, true, true, false, true, null, null)
            : new(true, true, false, true, true,
                "The business has customised Leads Access and has not given this app access to leads.",
                "In Meta Business Suite, open Business settings > Integrations > Leads Access, choose the page and assign this CRM.");
    }
}
