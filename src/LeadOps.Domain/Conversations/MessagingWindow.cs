using System.Globalization;

namespace LeadOps.Domain.Conversations;

/// <summary>
/// Messenger's messaging window at a moment, from the time of the customer's last message. Meta allows a standard
/// reply for 24 hours and a person's reply with the HUMAN_AGENT tag for 7 days; after that nothing can be sent.
/// </summary>
public sealed record MessagingWindow(WindowKind Kind, DateTimeOffset? Until)
{
    public static readonly TimeSpan StandardLength = TimeSpan.FromHours(24);
    public static readonly TimeSpan HumanAgentLength = TimeSpan.FromDays(7);

    public static MessagingWindow At(DateTimeOffset? lastCustomerMessageAt, DateTimeOffset now, bool useHumanAgentTag)
    {
        if (lastCustomerMessageAt is not { } last)
        {
            return new MessagingWindow(WindowKind.Closed, null);
        }

        var age = now - last;
        if (age < StandardLength)
        {
            return new MessagingWindow(WindowKind.Standard, last + StandardLength);
        }

        return useHumanAgentTag && age < HumanAgentLength
            ? new MessagingWindow(WindowKind.HumanAgent, last + HumanAgentLength)
            : new MessagingWindow(WindowKind.Closed, null);
    }

    /// <summary>What the Inbox shows: "23 h left", "Human agent tag until 28 Nov 14:05", "Closed".</summary>
    public string Label(DateTimeOffset now)
    {
        switch (Kind)
        {
            case WindowKind.Standard:
                var left = Until!.Value - now;
                return left >= TimeSpan.FromHours(1)
                    ? $"{Math.Ceiling(left.TotalHours).ToString(CultureInfo.InvariantCulture)} h left"
                    : $"{Math.Max(1, Math.Ceiling(left.TotalMinutes)).ToString(CultureInfo.InvariantCulture)} min left";
            case WindowKind.HumanAgent:
                return $"Human agent tag until {Until!.Value.ToUniversalTime().ToString("d MMM HH:mm", CultureInfo.InvariantCulture)}";
            default:
                return "Closed";
        }
    }
}
