namespace LeadOps.Domain.Integrations;

/// <summary>A status and the words people see for it.</summary>
public sealed record IntegrationState(IntegrationStatus Status, string Text, string? Permission = null)
{
    public bool NeedsAttention => NeedsAttentionWhen(Status);

    /// <summary>Anything but active, or switched off by staff, needs someone to act.</summary>
    public static bool NeedsAttentionWhen(IntegrationStatus status) => status is not IntegrationStatus.Active and not IntegrationStatus.Disabled;
}
