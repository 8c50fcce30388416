namespace LeadOps.Application.Leads.Welcome;

/// <summary>
/// How often and how far apart a welcome message is tried: the first retry after <see cref="FirstDelay"/>, each
/// following one twice as late (at most <see cref="MaxDelay"/>), and after <see cref="MaxAttempts"/> it is Failed.
/// </summary>
public sealed record WelcomeRetryPolicy(int MaxAttempts, TimeSpan FirstDelay, TimeSpan MaxDelay)
{
    public static WelcomeRetryPolicy Default { get; } = new(6, TimeSpan.FromMinutes(1), TimeSpan.FromHours(1));

    /// <summary>The wait after the given number of failed attempts (1 → <see cref="FirstDelay"/>).</summary>
    public TimeSpan DelayAfter(int attempts)
    {
        var doublings = Math.Clamp(attempts - 1, 0, 30);
        var delay = FirstDelay.TotalSeconds * Math.Pow(2, doublings);
        return delay >= MaxDelay.TotalSeconds ? MaxDelay : TimeSpan.FromSeconds(delay);
    }
}
