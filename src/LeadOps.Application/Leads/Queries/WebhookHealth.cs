namespace LeadOps.Application.Leads.Queries;

/// <summary>How healthy an integration's webhook is: when it last arrived and how many leads it missed.</summary>
public sealed record WebhookHealth(
    int IntegrationId,
    string IntegrationName,
    DateTimeOffset? LastWebhookAt,
    int Leads7Days,
    int FoundByRetrieval7Days,
    int Leads30Days,
    int FoundByRetrieval30Days,
    IReadOnlyList<string> Warnings)
{
    public double MissRate7Days => Leads7Days == 0 ? 0 : (double)FoundByRetrieval7Days / Leads7Days;

    public double MissRate30Days => Leads30Days == 0 ? 0 : (double)FoundByRetrieval30Days / Leads30Days;
}
