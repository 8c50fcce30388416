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
