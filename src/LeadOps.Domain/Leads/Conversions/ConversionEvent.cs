namespace LeadOps.Domain.Leads.Conversions;

/// <summary>
/// One stage a lead entered, to be told to Meta's Conversions API for CRM (ADR 0023): an outbox row written in the same
/// save as the stage change, claimed by one worker at a time, sent once. It keeps what was sent and Meta's answer.
/// </summary>
public sealed class ConversionEvent : OutboxItem
{
    public const int RequestLength = 4000;
    public const int TraceLength = 100;

    /// <summary>Meta accepts CRM events at most 7 days old.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(7);

    public long LeadId { get; set; }

    public Lead? Lead { get; set; }

    public string StageKey { get; private set; } = string.Empty;

    /// <summary>When the lead entered the stage (the event's <c>event_time</c>, kept within Meta's window when sent).</summary>
    public DateTimeOffset EnteredAt { get; private set; }

    public ConversionEventStatus Status { get; private set; } = ConversionEventStatus.Pending;

    /// <summary>The last request body as sent, without the access token.</summary>
    public string? RequestJson { get; private set; }

    public bool TestMode { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    public int? EventsReceived { get; private set; }

    public string? FbTraceId { get; private set; }

    /// <summary>Meta's refusal (code and message) or why it was not sent.</summary>
    public string? Error { get; private set; }

    public static ConversionEvent For(Lead lead, string stageKey, DateTimeOffset enteredAt, DateTimeOffset now) => new()
    {
        Lead = lead,
        StageKey = stageKey,
        EnteredAt = enteredAt,
        CreatedAt = now,
        NextAttemptAt = now,
    };

    /// <summary>
    /// The <c>event_time</c> for this entry: when it happened, never before the lead was created nor after now; null
    /// when that is older than Meta's 7-day limit (the event can no longer be sent).
    /// </summary>
    public static DateTimeOffset? EventTime(DateTimeOffset enteredAt, DateTimeOffset leadCreated, DateTimeOffset now)
    {
        var time = enteredAt < leadCreated ? leadCreated : enteredAt;
        time = time > now ? now : time;
        return now - time > MaxAge ? null : time;
    }

    public void Attempted(string requestJson, bool testMode)
    {
        RequestJson = TextLimit.Cut(requestJson, RequestLength);
        TestMode = testMode;
    }

    public void MarkSent(DateTimeOffset at, int eventsReceived, string? fbTraceId)
    {
        Status = ConversionEventStatus.Sent;
        SentAt = at;
        EventsReceived = eventsReceived;
        FbTraceId = fbTraceId is null ? null : TextLimit.Cut(fbTraceId, TraceLength);
        Error = null;
        Release();
    }

    public void RetryAt(DateTimeOffset next, string error, string? fbTraceId)
    {
        Status = ConversionEventStatus.Pending;
        NextAttemptAt = next;
        Error = TextLimit.Cut(error);
        FbTraceId = fbTraceId is null ? null : TextLimit.Cut(fbTraceId, TraceLength);
        Release();
    }

    public void MarkFailed(string error, string? fbTraceId)
    {
        Status = ConversionEventStatus.Failed;
        Error = TextLimit.Cut(error);
        FbTraceId = fbTraceId is null ? null : TextLimit.Cut(fbTraceId, TraceLength);
        Release();
    }

    public void MarkSkipped(string reason)
    {
        Status = ConversionEventStatus.Skipped;
        Error = TextLimit.Cut(reason);
        Release();
    }
}
