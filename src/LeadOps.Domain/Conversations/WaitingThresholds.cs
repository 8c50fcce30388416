namespace LeadOps.Domain.Conversations;

/// <summary>When a waiting customer turns amber and red in a staff member's Inbox (default 15 minutes and 1 hour).</summary>
public sealed record WaitingThresholds(TimeSpan Amber, TimeSpan Red)
{
    public const int MaxMinutes = 7 * 24 * 60;

    public static WaitingThresholds Default { get; } = new(TimeSpan.FromMinutes(15), TimeSpan.FromHours(1));

    /// <summary>The level of a wait of <paramref name="waited"/>; <see cref="WaitingLevel.None"/> when nobody waits.</summary>
    public WaitingLevel LevelOf(TimeSpan? waited) => waited switch
    {
        null => WaitingLevel.None,
        { } w when w >= Red => WaitingLevel.Red,
        { } w when w >= Amber => WaitingLevel.Amber,
        _ => WaitingLevel.Fine,
    };
}
