using LeadOps.Domain.Outgoing;

namespace LeadOps.Application.Outgoing.Queries;

/// <summary>How an integration's owner hears of its new leads and escalations.</summary>
public sealed record IntegrationAlertsView(int IntegrationId, string Name, LeadAlertMode Leads, bool Escalations);
