namespace LeadOps.Infrastructure.Graph.Dtos;

/// <summary>The Conversions API's answer: <c>{"events_received": n, "messages": [], "fbtrace_id": "…"}</c>.</summary>
internal sealed record GraphEventsResponse
{
    public int? EventsReceived { get; init; }

    public List<string>? Messages { get; init; }

    public string? FbtraceId { get; init; }
}
