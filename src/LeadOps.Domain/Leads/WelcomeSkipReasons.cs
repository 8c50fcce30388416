namespace LeadOps.Domain.Leads;

/// <summary>Why a welcome message is not sent, as the outbox row and the lead's page show it.</summary>
public static class WelcomeSkipReasons
{
    public const string NoEmail = "Skipped (no e-mail)";
    public const string Disabled = "Skipped (disabled)";
    public const string IntegrationDeleted = "Skipped (integration deleted)";
}
