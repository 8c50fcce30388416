namespace LeadOps.Application.Leads.Welcome;

/// <summary>The current user's welcome outbox rows (owner filtering is applied by the data layer).</summary>
public interface IWelcomeOutbox
{
    /// <summary>The Pending row this worker holds the claim on, with its lead, tracked; null when the claim was lost.</summary>
    Task<OutboxMessage?> GetClaimedAsync(long outboxMessageId, string worker, CancellationToken cancellationToken);

    /// <summary>The lead's welcome row with the lead, tracked; null when the lead is unknown or someone else's.</summary>
    Task<OutboxMessage?> GetForLeadAsync(long leadId, CancellationToken cancellationToken);

    /// <summary>The user's leads by welcome status (what the lead list filters on).</summary>
    Task<WelcomeCounts> CountAsync(CancellationToken cancellationToken);
}
