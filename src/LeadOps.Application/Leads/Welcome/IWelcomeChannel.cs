namespace LeadOps.Application.Leads.Welcome;

/// <summary>
/// How a welcome message reaches the lead (e-mail today). Another channel (SMS, WhatsApp) implements this port and
/// uses the parts of the recipient and message it needs; the lead and outbox code does not change.
/// </summary>
public interface IWelcomeChannel
{
    /// <summary>Why this recipient cannot be reached on this channel (for example "Skipped (no e-mail)"), or null when they can.</summary>
    string? Unreachable(WelcomeRecipient to);

    /// <summary>
    /// Delivers the message. Expected failures (server down, address refused) are answered, not thrown. Delivering
    /// the same <see cref="WelcomeMessage.MessageId"/> twice is possible only after a crash and is recognisable by it.
    /// </summary>
    Task<WelcomeSendResult> SendAsync(WelcomeMessage message, CancellationToken cancellationToken);
}

/// <summary>Who the message is for, with every address a channel might use. Values are already free of control characters.</summary>
public sealed record WelcomeRecipient(string? Name, string? Email, string? Phone);

/// <summary>
/// A rendered welcome message. <see cref="MessageId"/> is derived from the lead, so every attempt carries the same one.
/// The subject holds no control characters; the HTML body has every lead value HTML-encoded.
/// </summary>
public sealed record WelcomeMessage(string MessageId, WelcomeRecipient To, string Subject, string TextBody, string HtmlBody);

public enum WelcomeSendStatus
{
    Sent,

    /// <summary>Could not be delivered now (server down, temporary refusal): try again later.</summary>
    RetryLater,

    /// <summary>Refused for good (for example the address does not exist): retrying will not help.</summary>
    Rejected,
}

public sealed record WelcomeSendResult(WelcomeSendStatus Status, string? Error = null)
{
    public static WelcomeSendResult Sent { get; } = new(WelcomeSendStatus.Sent);

    public static WelcomeSendResult RetryLater(string error) => new(WelcomeSendStatus.RetryLater, error);

    public static WelcomeSendResult Rejected(string error) => new(WelcomeSendStatus.Rejected, error);
}
