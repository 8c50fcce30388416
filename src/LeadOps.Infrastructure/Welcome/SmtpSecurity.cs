namespace LeadOps.Infrastructure.Welcome;

public enum SmtpSecurity
{
    /// <summary>Plain connection (a local relay).</summary>
    None,

    /// <summary>Connect in plain, then require STARTTLS (port 587).</summary>
    StartTls,

    /// <summary>TLS from the first byte (port 465).</summary>
    SslOnConnect,
}
