namespace LeadOps.Domain.Integrations;

/// <summary>Staff changed an integration: <see cref="Change"/> is connect, reconnect, delete, enable, disable or settings.</summary>
public sealed record IntegrationChanged(Integration Integration, string Change, string? Detail) : IDomainEvent
{
    public const string Connect = "connect";
    public const string Reconnect = "reconnect";
    public const string Delete = "delete";
    public const string Enable = "enable";
    public const string Disable = "disable";
    public const string Settings = "settings";
}
