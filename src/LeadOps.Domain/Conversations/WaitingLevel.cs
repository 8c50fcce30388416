namespace LeadOps.Domain.Conversations;

/// <summary>How long a customer has waited, against the thresholds a staff member set: fine, amber, red.</summary>
public enum WaitingLevel
{
    None = 0,
    Fine = 1,
    Amber = 2,
    Red = 3,
}
