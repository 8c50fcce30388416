namespace LeadOps.Domain.Integrations;

/// <summary>What a failed Graph call says about the integration itself.</summary>
public enum IntegrationFault
{
    /// <summary>The token is expired, revoked or invalid: the page must be reconnected.</summary>
    TokenInvalid,

    /// <summary>The token lacks a permission LeadOps needs.</summary>
    PermissionMissing,

    /// <summary>
    /// The object the call was about is gone (a lead deleted before it was read, as the Lead Ads testing tool's leads may
    /// be): a fact about that object, shown with it; the integration stays as it is, its last error too.
    /// </summary>
    ObjectGone,

    /// <summary>Anything else (rate limits, outages, refused requests): shown, but the integration stays as it is.</summary>
    Other,
}
