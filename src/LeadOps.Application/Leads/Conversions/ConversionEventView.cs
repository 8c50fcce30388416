using LeadOps.Domain.Leads.Conversions;

namespace LeadOps.Application.Leads.Conversions;

/// <summary>What the lead's page shows of one Conversions API event: what was sent and Meta's answer.</summary>
public sealed record ConversionEventView(
    string Stage,
    ConversionEventStatus Status,
    int Attempts,
    bool TestMode,
    string? Request,
    int? EventsReceived,
    string? FbTraceId,
    string? Error,
    DateTimeOffset EnteredAt,
    DateTimeOffset? SentAt)
{
    public static ConversionEventView From(ConversionEvent e, string stage) =>
        new(stage, e.Status, e.Attempts, e.TestMode, e.RequestJson, e.EventsReceived, e.FbTraceId, e.Error, e.EnteredAt, e.SentAt);
}
