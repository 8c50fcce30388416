namespace LeadOps.GraphSandbox;

/// <summary>A snapshot of the sandbox, as <c>GET /_sandbox/state</c> shows it.</summary>
public sealed record SandboxSummary(
    IReadOnlyList<PageSummary> Pages,
    int SentMessages,
    int RecordedRequests,
    IReadOnlyDictionary<string, int> Webhooks,
    IReadOnlyList<FaultRuleStatus> Faults,
    double TransientFaultRate,
    string? WebhookCallbackUrl);
