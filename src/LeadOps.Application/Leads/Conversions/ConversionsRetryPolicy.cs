namespace LeadOps.Application.Leads.Conversions;

/// <summary>How often and how far apart a Conversions API event is tried after an outage (Meta's refusals are not retried).</summary>
public sealed record ConversionsRetryPolicy(int MaxAttempts, TimeSpan FirstDelay, TimeSpan MaxDelay)
{
    public static ConversionsRetryPolicy Default { get; } = new(8, TimeSpan.FromMinutes(1), TimeSpan.FromHours(6));

    public TimeSpan DelayAfter(int attempts)
    {
        var delay = FirstDelay.TotalSeconds * Math.Pow(2, Math.Clamp(attempts - 1, 0, 30));
        return delay >= MaxDelay.TotalSeconds ? MaxDelay : TimeSpan.FromSeconds(delay);
    }
}
