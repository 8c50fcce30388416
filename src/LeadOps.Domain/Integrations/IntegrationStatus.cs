namespace LeadOps.Domain.Integrations;

public enum IntegrationStatus
{
    Active,
    Expiring,
    MissingPermission,
    NeedsReconnect,
    Disabled,

    /// <summary>Meta blocked the page from messaging (policy enforcement): replies are refused with Meta's reason.</summary>
    MessagingBlocked,

    /// <summary>Meta warned the page about its messaging (policy enforcement).</summary>
    MessagingWarned,
}
