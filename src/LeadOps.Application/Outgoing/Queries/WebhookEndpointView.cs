namespace LeadOps.Application.Outgoing.Queries;

/// <summary>An endpoint as its owner sees it (never its secret), with the latest attempts of its delivery log.</summary>
public sealed record WebhookEndpointView(
    int Id, string Url, string? Description, IReadOnlyList<string> Events, DateTimeOffset CreatedAt, DateTimeOffset? PausedAt, int ConsecutiveFailures,
    IReadOnlyList<DeliveryAttemptView> Attempts);
