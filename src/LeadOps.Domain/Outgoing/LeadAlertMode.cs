namespace LeadOps.Domain.Outgoing;

/// <summary>How an integration's new leads are announced to its owner by e-mail.</summary>
public enum LeadAlertMode
{
    None,

    /// <summary>One e-mail per new lead.</summary>
    EachLead,

    /// <summary>One e-mail an hour listing the new leads of that hour.</summary>
    HourlyDigest,
}
