namespace LeadOps.Application.Integrations;

/// <summary>What testing an integration found.</summary>
public sealed record IntegrationTestResult(
    string Method,
    bool TokenValid,
    DateTimeOffset? ExpiresAt,
    IReadOnlyList<string>? GrantedScopes,
    IReadOnlyList<string> MissingPermissions,
    IReadOnlyList<string> SubscribedFields,
    bool? WebhookSubscribed,
    string? Error,
    IntegrationView Integration);
