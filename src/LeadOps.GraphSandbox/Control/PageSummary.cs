namespace LeadOps.GraphSandbox;

/// <summary>A page in the <see cref="SandboxSummary"/>: its token, subscription, forms and customers.</summary>
public sealed record PageSummary(
    string Id,
    string Name,
    bool TokenValid,
    DateTimeOffset? TokenExpiresAt,
    IReadOnlyList<string> Scopes,
    IReadOnlyList<string> SubscribedFields,
    IReadOnlyList<FormSummary> Forms,
    IReadOnlyList<CustomerSummary> Customers);
