namespace LeadOps.Domain.Outgoing;

public enum StaffAlertKind
{
    /// <summary>A new lead, alone or in the hourly digest.</summary>
    NewLead,

    /// <summary>A conversation was handed to a person.</summary>
    Escalation,

    /// <summary>A webhook endpoint paused itself after repeated failures.</summary>
    EndpointPaused,
}
