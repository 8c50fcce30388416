namespace LeadOps.Application.Leads.Conversions;

/// <summary>Meta's answer to accepted events: how many it received, its trace id and any messages.</summary>
public sealed record ConversionsAnswer(int EventsReceived, string? FbTraceId, IReadOnlyList<string> Messages);
