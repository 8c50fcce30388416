namespace LeadOps.Domain.Leads.Conversions;

/// <summary>Where a Conversions API event stands: waiting (or retrying), accepted by Meta, refused or given up, or not to be sent.</summary>
public enum ConversionEventStatus
{
    Pending,
    Sent,
    Failed,
    Skipped,
}
