using LeadOps.Infrastructure.Welcome;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace LeadOps.Infrastructure.Outgoing;

/// <summary>
/// Staff alert e-mails over the same SMTP setup as welcome messages (<c>Smtp:*</c>, MailKit), or the pickup folder.
/// Answers null when the message left, else what went wrong (it is tried again later).
/// </summary>
internal sealed class StaffMail(IOptions<SmtpOptions> options, MailPickupFolder pickup, TimeProvider clock, ILogger<StaffMail> logger) : IStaffMail
{
    public async Task<string?> SendAsync(string to, string subject, string text, CancellationToken cancellationToken)
    {
        var smtp = options.Value;
        if (!MailboxAddress.TryParse(to, out var address))
        {
            return "The user has no usable e-mail address.";
        }

        var mime = new MimeMessage { Subject = subject, Date = clock.GetUtcNow() };
        mime.From.Add(MailboxAddress.Parse(smtp.From));
        mime.To.Add(address);
        mime.Headers.Add(HeaderId.AutoSubmitted, "auto-generated");
        mime.Body = new TextPart("plain") { Text = text };
        if (pickup.IsActive)
        {
            await pickup.WriteAsync(mime, cancellationToken);
            return null;
        }

        if (string.IsNullOrWhiteSpace(smtp.Host))
        {
            return "No mail server is configured (Smtp:Host).";
        }

        try
        {
            using var client = new SmtpClient { Timeout = smtp.TimeoutSeconds * 1000 };
            var security = smtp.Security switch
            {
                SmtpSecurity.None => SecureSocketOptions.None,
                SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
                _ => SecureSocketOptions.StartTls,
            };
            await client.ConnectAsync(smtp.Host, smtp.Port, security, cancellationToken);
            if (!string.IsNullOrEmpty(smtp.UserName))
            {
                await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? string.Empty, cancellationToken);
            }

            await client.SendAsync(mime, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
            return null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("A staff alert e-mail was not sent: {Failure}", ex.GetType().Name);
            return $"The mail server could not be used ({ex.GetType().Name}).";
        }
    }
}
