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

    /// <summary>The most <see cref="MaxFanOutAttempts"/> may be (the last wait is then <see cref="FirstFanOutRetryDelay"/> × 2^19).</summary>
    public const int MaxFanOutAttemptsLimit = 20;

    /// <summary>Failed fan-outs after which an event is set aside (not tried again until staff ask; its endpoints' logs say so).</summary>
    public int MaxFanOutAttempts { get; set; } = 5;

    /// <summary>
    /// The wait after an event's first failed fan-out; doubled after each next one. With the defaults, the five tries
    /// span 1 + 2 + 4 + 8 = 15 minutes before the event is set aside.
    /// </summary>
    public TimeSpan FirstFanOutRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The longest <see cref="FirstFanOutRetryDelay"/> may be: doubled up to 19 times, it stays a date.</summary>
    public static readonly TimeSpan FirstFanOutRetryDelayLimit = TimeSpan.FromDays(1);

    /// <summary>
    /// Allows <c>http://127.0.0.1</c> (and other loopback) endpoints: for Development and tests only. Otherwise only
    /// https to public addresses is accepted and connected to (private, loopback and link-local ones are refused).
    /// </summary>
    public bool AllowLoopbackHttp { get; set; }

    /// <summary>What is wrong with the fan-out settings (checked at start): nothing when they can be used.</summary>
    public IEnumerable<string> FanOutProblems()
    {
        if (MaxFanOutAttempts is < 1 or > MaxFanOutAttemptsLimit)
        {
            yield return $"{SectionName}:MaxFanOutAttempts must be between 1 and {MaxFanOutAttemptsLimit} (it is {MaxFanOutAttempts}).";
        }

        if (FirstFanOutRetryDelay <= TimeSpan.Zero || FirstFanOutRetryDelay > FirstFanOutRetryDelayLimit)
        {
            yield return $"{SectionName}:FirstFanOutRetryDelay must be more than zero and at most {FirstFanOutRetryDelayLimit:c} (it is {FirstFanOutRetryDelay:c}).";
        }
    }

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
