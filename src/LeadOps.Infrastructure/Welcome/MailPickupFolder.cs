using MimeKit;

namespace LeadOps.Infrastructure.Welcome;

/// <summary>
/// Where messages go when no mail server is configured: one <c>.eml</c> per message, named from its Message-ID, so
/// a resend replaces the same file. Used in Development so the demo can show what a lead received.
/// </summary>
public sealed class MailPickupFolder(IOptions<SmtpOptions> options, IHostEnvironment environment)
{
    /// <summary>True when messages are written here instead of sent: no <c>Smtp:Host</c>, and Development or an explicit folder.</summary>
    public bool IsActive =>
        string.IsNullOrWhiteSpace(options.Value.Host) && (!string.IsNullOrWhiteSpace(options.Value.PickupDirectory) || environment.IsDevelopment());

    public string Directory =>
        Path.GetFullPath(string.IsNullOrWhiteSpace(options.Value.PickupDirectory) ? SmtpOptions.DefaultPickupDirectory : options.Value.PickupDirectory, environment.ContentRootPath);

    /// <summary>The stored copy of the message with this Message-ID, when there is one.</summary>
    public string? Find(string messageId)
    {
        var path = PathFor(messageId);
        return File.Exists(path) ? path : null;
    }

    /// <summary>The stored copy's subject, recipients and plain-text body, or null when there is no copy.</summary>
    public async Task<StoredWelcomeCopy?> ReadAsync(string messageId, CancellationToken cancellationToken)
    {
        if (Find(messageId) is not { } path)
        {
            return null;
        }

        var message = await MimeMessage.LoadAsync(path, cancellationToken);
        return new StoredWelcomeCopy(message.Subject ?? string.Empty, message.To.ToString(), message.TextBody ?? string.Empty);
    }

    internal async Task WriteAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var path = PathFor(message.MessageId ?? throw new ArgumentException("The message has no Message-ID.", nameof(message)));
        var temporary = path + ".tmp";
        await message.WriteToAsync(temporary, cancellationToken);
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary><c>welcome-12-ab…@leadops.local</c> → <c>welcome-12-ab….eml</c>; anything but letters, digits, '-' and '_' is dropped.</summary>
    private string PathFor(string messageId)
    {
        var local = messageId.Trim('<', '>').Split('@')[0];
        var name = new string([.. local.Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')]);
        return Path.Combine(Directory, (name.Length > 0 ? name : "message") + ".eml");
    }
}
