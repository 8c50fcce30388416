namespace LeadOps.Application.Outgoing;

/// <summary>Section <c>OutgoingWebhooks</c>: delivery of the events users subscribe to, and the staff alerts.</summary>
public sealed class OutgoingWebhookOptions
{
    public const string SectionName = "OutgoingWebhooks";

    /// <summary>Whether this node runs the outgoing worker (webhooks and alert e-mails).</summary>
    public bool WorkerEnabled { get; set; } = true;

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Attempts per delivery before it fails for good.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The wait after the first failed attempt; doubled after each next one, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Failed attempts in a row after which an endpoint pauses itself (and its owner gets an e-mail).</summary>
    public int PauseAfterFailures { get; set; } = 10;

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(2);

    public int BatchSize { get; set; } = 50;

    /// <summary>Failed fan-outs after which an event is set aside (never tried again; its endpoints' logs say so).</summary>
    public int MaxFanOutAttempts { get; set; } = 5;

    /// <summary>
    /// The wait after an event's first failed fan-out; doubled after each next one. With the defaults, the five tries
    /// span 1 + 2 + 4 + 8 = 15 minutes before the event is set aside.
    /// </summary>
    public TimeSpan FirstFanOutRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Allows <c>http://127.0.0.1</c> (and other loopback) endpoints: for Development and tests only. Otherwise only
    /// https to public addresses is accepted and connected to (private, loopback and link-local ones are refused).
    /// </summary>
    public bool AllowLoopbackHttp { get; set; }

    /// <summary>The retry delay after <paramref name="attempts"/> failed attempts, or null when they were the last.</summary>
    public TimeSpan? RetryDelay(int attempts)
    {
        if (attempts >= MaxAttempts)
        {
            return null;
        }

        var delay = FirstRetryDelay * Math.Pow(2, Math.Clamp(attempts - 1, 0, 30));
        return delay < MaxRetryDelay ? delay : MaxRetryDelay;
    }
}
