namespace LeadOps.Application.Leads;

/// <summary>A webhook delivery that kept failing: when it came, how often it was tried, the last error (never its body).</summary>
public sealed record FailedDeliveryView(long Id, DateTimeOffset ReceivedAt, int Attempts, string? LastError, string? PageIds);
