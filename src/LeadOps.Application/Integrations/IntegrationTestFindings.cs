namespace LeadOps.Application.Integrations;

/// <summary>What testing an integration found about its token and its webhook subscription.</summary>
public sealed record IntegrationTestFindings(
    string Method,
    bool TokenValid,
    DateTimeOffset? ExpiresAt,
    IReadOnlyList<string>? GrantedScopes,
    IReadOnlyList<string> MissingPermissions,
    IReadOnlyList<string> SubscribedFields,
    bool? WebhookSubscribed,
    string? Error);
