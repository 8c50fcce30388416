namespace LeadOps.GraphSandbox;

/// <summary>
/// One Conversions API event the sandbox accepted: the dataset, the fields tests look at, and the event exactly as it
/// arrived (<see cref="Json"/>), so a test can check that nothing more and nothing less was sent.
/// </summary>
public sealed record ReceivedConversionEvent(
    string DatasetId,
    string EventName,
    long EventTime,
    string ActionSource,
    string? LeadId,
    string? EventSource,
    string? LeadEventSource,
    string? TestEventCode,
    string Json,
    DateTimeOffset ReceivedAt,
    string FbTraceId);
