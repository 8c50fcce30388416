using System.Net.Sockets;
using LeadOps.Application.Leads.Welcome;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace LeadOps.Infrastructure.Welcome;

/// <summary>
/// The e-mail channel: MailKit over SMTP (<c>Smtp:*</c>), or the pickup folder when no server is configured in
/// Development. One connection per message; server refusals and outages are answered as results, never thrown.
/// </summary>
internal sealed class SmtpWelcomeChannel(
    IOptions<SmtpOptions> options,
    MailPickupFolder pickup,
    TimeProvider clock,
    ILogger<SmtpWelcomeChannel> logger) : IWelcomeChannel
{
    public string? Unreachable(WelcomeRecipient to) => string.IsNullOrWhiteSpace(to.Email) ? WelcomeSkipReasons.NoEmail : null;

    public async Task<WelcomeSendResult> SendAsync(WelcomeMessage message, CancellationToken cancellationToken)
    {
        var smtp = options.Value;
        if (!TryAddress(message.To.Email, out var address))
        {
            return WelcomeSendResult.Rejected("The lead's e-mail address is not valid.");
        }

        var mime = Build(message, MailboxAddress.Parse(smtp.From), address);
        if (pickup.IsActive)
        {
            await pickup.WriteAsync(mime, cancellationToken);
            return WelcomeSendResult.Sent;
        }

        if (string.IsNullOrWhiteSpace(smtp.Host))
        {
            return WelcomeSendResult.RetryLater("No mail server is configured (Smtp:Host).");
        }

        try
        {
            using var client = new SmtpClient { Timeout = smtp.TimeoutSeconds * 1000 };
            await client.ConnectAsync(smtp.Host, smtp.Port, Security(smtp.Security), cancellationToken);
            if (!string.IsNullOrEmpty(smtp.UserName))
            {
                await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? string.Empty, cancellationToken);
            }

            await client.SendAsync(mime, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
            return WelcomeSendResult.Sent;
        }
        catch (SmtpCommandException ex) when (ex.ErrorCode == SmtpErrorCode.RecipientNotAccepted && (int)ex.StatusCode >= 500)
        {
            logger.LogWarning("The mail server refused the recipient of welcome message {MessageId}: {StatusCode}", message.MessageId, (int)ex.StatusCode);
            return WelcomeSendResult.Rejected($"The mail server refused the address: {(int)ex.StatusCode} {ex.Message}");
        }
        catch (Exception ex) when (IsMailFailure(ex) && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Welcome message {MessageId} not sent: {Failure}", message.MessageId, ex.GetType().Name);
            return WelcomeSendResult.RetryLater(Describe(ex));
        }
    }

    private MimeMessage Build(WelcomeMessage message, MailboxAddress from, MailboxAddress to)
    {
        var mime = new MimeMessage { Subject = message.Subject, MessageId = message.MessageId, Date = clock.GetUtcNow() };
        mime.From.Add(from);
        mime.To.Add(new MailboxAddress(message.To.Name ?? string.Empty, to.Address));
        mime.Headers.Add(HeaderId.AutoSubmitted, "auto-generated");
        mime.Body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody }.ToMessageBody();
        return mime;
    }

    /// <summary>One plain address (no name, no list, no white space or control characters), or false.</summary>
    private static bool TryAddress(string? email, out MailboxAddress address)
    {
        address = null!;
        if (string.IsNullOrWhiteSpace(email) || email.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)) || !email.Contains('@', StringComparison.Ordinal))
        {
            return false;
        }

        if (!MailboxAddress.TryParse(email, out var parsed) || !string.Equals(parsed.Address, email, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        address = parsed;
        return true;
    }

    private static SecureSocketOptions Security(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTls,
    };

    private static bool IsMailFailure(Exception ex) =>
        ex is SmtpCommandException or SmtpProtocolException or ServiceNotConnectedException or ServiceNotAuthenticatedException
            or AuthenticationException or SslHandshakeException or SocketException or IOException or TimeoutException or OperationCanceledException;

    private static string Describe(Exception ex) => ex switch
    {
        SmtpCommandException command => $"The mail server answered {(int)command.StatusCode}: {command.Message}",
        SocketException socket => $"Could not connect to the mail server ({socket.SocketErrorCode}).",
        AuthenticationException => "The mail server did not accept the user name or password (Smtp:UserName, Smtp:Password).",
        SslHandshakeException => "The TLS handshake with the mail server failed (check Smtp:Security and Smtp:Port).",
        TimeoutException or OperationCanceledException => "The mail server did not answer in time.",
        SmtpProtocolException or IOException => "The connection to the mail server broke off.",
        _ => $"The mail server could not be used ({ex.GetType().Name}).",
    };
}
