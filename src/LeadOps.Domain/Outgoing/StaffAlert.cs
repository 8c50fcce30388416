namespace LeadOps.Domain.Outgoing;

/// <summary>
/// An e-mail to a user about their leads. <see cref="Key"/> is unique per owner (<c>lead:42</c>), so no lead is ever
/// announced twice. Digest alerts wait for <see cref="DueAt"/> (the end of their hour) and leave in one e-mail.
/// </summary>
public sealed class StaffAlert : IOwnedByUser
{
    public const int KeyLength = 100;
    public const int SubjectLength = 200;
    public const int TextLength = 2000;

    public long Id { get; set; }

    public string OwnerId { get; set; } = string.Empty;

    public string Key { get; private set; } = string.Empty;

    public StaffAlertKind Kind { get; private set; }

    public bool Digest { get; private set; }

    public long? LeadId { get; private set; }

    /// <summary>The alert's line: the subject alone, or one line of a digest.</summary>
    public string Subject { get; private set; } = string.Empty;

    public string Text { get; private set; } = string.Empty;

    public DateTimeOffset DueAt { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    public int Attempts { get; private set; }

    public string? LastError { get; private set; }

    public static StaffAlert Create(string key, StaffAlertKind kind, long? leadId, string subject, string text, DateTimeOffset dueAt, bool digest = false) => new()
    {
        Key = TextLimit.Fit(key, KeyLength)!,
        Kind = kind,
        LeadId = leadId,
        Subject = TextLimit.Fit(subject, SubjectLength)!,
        Text = TextLimit.Fit(text, TextLength)!,
        DueAt = dueAt,
        Digest = digest,
    };

    /// <summary>The end of the hour <paramref name="now"/> is in: when that hour's digest leaves.</summary>
    public static DateTimeOffset EndOfHour(DateTimeOffset now) =>
        new DateTimeOffset(now.UtcDateTime.Date.AddHours(now.UtcDateTime.Hour + 1), TimeSpan.Zero);

    public void Sent(DateTimeOffset now)
    {
        SentAt = now;
        Attempts++;
        LastError = null;
    }

    public void Failed(string error, DateTimeOffset retryAt)
    {
        Attempts++;
        LastError = TextLimit.Fit(error, TextLimit.Reason);
        DueAt = retryAt;
    }
}
