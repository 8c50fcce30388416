namespace LeadOps.Infrastructure.Welcome;

/// <summary>Section <c>Smtp</c>: how welcome e-mails leave.</summary>
public sealed class SmtpOptions
{
    public const string SectionName = "Smtp";

    public const string DefaultPickupDirectory = "App_Data/mail";

    /// <summary>The mail server. Empty: in Development (or with <see cref="PickupDirectory"/> set) messages go to the pickup folder.</summary>
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender, as <c>address</c> or <c>Name &lt;address&gt;</c>.</summary>
    public string From { get; set; } = "LeadOps <welcome@leadops.local>";

    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>Folder for one <c>.eml</c> per message when no <see cref="Host"/> is set (relative to the content root).</summary>
    public string? PickupDirectory { get; set; }

    internal IEnumerable<string> Problems()
    {
        if (!MimeKit.MailboxAddress.TryParse(From, out _))
        {
            yield return "Smtp:From must be an e-mail address, optionally with a name: Name <address>.";
        }

        if (Port is < 1 or > 65535)
        {
            yield return "Smtp:Port must be between 1 and 65535.";
        }

        if (TimeoutSeconds < 1)
        {
            yield return "Smtp:TimeoutSeconds must be at least 1.";
        }
    }
}
