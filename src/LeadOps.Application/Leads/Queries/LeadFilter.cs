namespace LeadOps.Application.Leads.Queries;

public sealed record LeadFilter(
    string? FormId = null,
    LeadSource? Source = null,
    DateTimeOffset? Since = null,
    DateTimeOffset? Until = null,
    string? Text = null,
    WelcomeStatus? Welcome = null,
    int? IntegrationId = null,
    string? Stage = null);
