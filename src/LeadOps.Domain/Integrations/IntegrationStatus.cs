namespace LeadOps.Domain.Integrations;

public enum IntegrationStatus
{
    Active,
    Expiring,
    MissingPermission,
    NeedsReconnect,
    Disabled,
}
