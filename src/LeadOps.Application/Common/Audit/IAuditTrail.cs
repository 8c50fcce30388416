namespace LeadOps.Application.Common.Audit;

/// <summary>
/// Records who did what to which thing, and how it ended, for the acting user (saved with the unit of work).
/// Details name reasons and ids, never message text or tokens.
/// </summary>
public interface IAuditTrail
{
    void Record(string action, string subjectType, string subjectId, string outcome, string? detail = null);
}

/// <summary>Audit action and outcome names.</summary>
public static class AuditActions
{
    public const string SendMessage = "send_message";
    public const string RetryMessage = "retry_message";
    public const string Escalate = "escalate";
    public const string Take = "take";
    public const string Release = "release";
    public const string Resolve = "resolve";

    public const string Conversation = "conversation";

    public const string Ok = "ok";
    public const string Unchanged = "unchanged";
    public const string Sent = "sent";
    public const string Failed = "failed";
    public const string Refused = "refused";
}
