namespace LeadOps.Domain.Conversations;

/// <summary>A staff member's own Inbox settings: when a waiting customer turns amber and red.</summary>
public sealed class InboxPreferences : IOwnedByUser
{
    public string OwnerId { get; set; } = string.Empty;

    public int AmberMinutes { get; private set; } = (int)WaitingThresholds.Default.Amber.TotalMinutes;

    public int RedMinutes { get; private set; } = (int)WaitingThresholds.Default.Red.TotalMinutes;

    public WaitingThresholds Thresholds => new(TimeSpan.FromMinutes(AmberMinutes), TimeSpan.FromMinutes(RedMinutes));

    /// <summary>Both in minutes, 1 to a week, amber before red; false (nothing changed) otherwise.</summary>
    public bool SetThresholds(int amberMinutes, int redMinutes)
    {
        if (amberMinutes < 1 || redMinutes > WaitingThresholds.MaxMinutes || amberMinutes >= redMinutes)
        {
            return false;
        }

        AmberMinutes = amberMinutes;
        RedMinutes = redMinutes;
        return true;
    }
}
