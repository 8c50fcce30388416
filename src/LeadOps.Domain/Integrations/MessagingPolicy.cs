namespace LeadOps.Domain.Integrations;

/// <summary>What Meta's policy enforcement last said about the page's messaging.</summary>
public enum MessagingPolicy
{
    None = 0,
    Warned = 1,
    Blocked = 2,
}
