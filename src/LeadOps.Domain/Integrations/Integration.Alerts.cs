using LeadOps.Domain.Outgoing;

namespace LeadOps.Domain.Integrations;

/// <summary>How the owner hears of this integration's new leads and escalated conversations (ADR 0024).</summary>
public sealed partial class Integration
{
    public LeadAlertMode LeadAlerts { get; private set; } = LeadAlertMode.None;

    /// <summary>An e-mail (and a browser notification while LeadOps is open) when one of its conversations is escalated.</summary>
    public bool EscalationAlerts { get; private set; } = true;

    public void SetAlerts(LeadAlertMode leads, bool escalations)
    {
        LeadAlerts = leads;
        EscalationAlerts = escalations;
    }
}
