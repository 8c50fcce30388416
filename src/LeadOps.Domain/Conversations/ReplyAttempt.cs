namespace LeadOps.Domain.Conversations;

/// <summary>
/// Which attempt at a staff reply this is: the first send, or a retry of a failed one. <see cref="Note"/> is what the
/// caller wants on the record about it (e.g. "test message"); never message text.
/// </summary>
public sealed record ReplyAttempt(bool IsRetry, string? Note)
{
    public static ReplyAttempt Retry { get; } = new(true, null);

    public static ReplyAttempt First(string? note) => new(false, note);
}
