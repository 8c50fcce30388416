namespace LeadOps.Application.Common.Audit;

/// <summary>Audit action and outcome names.</summary>
public static class AuditActions
{
    public const string SendMessage = "send_message";
    public const string RetryMessage = "retry_message";
    public const string Escalate = "escalate";
    public const string Take = "take";
    public const string Release = "release";
    public const string Resolve = "resolve";
    public const string ThreadControl = "thread_control";
    public const string Reopen = "reopen";
    public const string InternalNote = "internal_note";

    public const string Retrieve = "retrieve";
    public const string RetryWelcome = "retry_welcome";

    /// <summary>A lead Graph first sent without answers took them in from a later read.</summary>
    public const string FillAnswers = "fill_answers";
    public const string RetryOutgoingEvent = "retry_outgoing_event";
    public const string SignIn = "sign_in";

    public const string Conversation = "conversation";
    public const string Integration = "integration";
    public const string ApiKey = "api_key";
    public const string Form = "form";
    public const string Lead = "lead";
    public const string User = "user";
    public const string OutgoingEvent = "outgoing_event";

    public const string Ok = "ok";
    public const string Unchanged = "unchanged";
    public const string Sent = "sent";

    /// <summary>Meta took a reply but LeadOps has no confirmation of it (it stays Sending until Meta's echo).</summary>
    public const string Unconfirmed = "unconfirmed";
    public const string Failed = "failed";
    public const string Refused = "refused";
}
