using LeadOps.Domain.Common;

namespace LeadOps.Domain.Leads;

public enum OutboxStatus
{
    Pending,
    Sent,
    Failed,
    Skipped,
}

/// <summary>
/// A side effect to deliver reliably (the welcome message), written in the same transaction as the lead it belongs
/// to. One per lead and kind (unique), so a lead can never be queued twice.
/// </summary>
public sealed class OutboxMessage : IOwnedByUser
{
    public const string WelcomeKind = "welcome";

    public long Id { get; set; }

    public string OwnerId { get; set; } = string.Empty;

    public long LeadId { get; set; }

    public Lead? Lead { get; set; }

    public string Kind { get; set; } = WelcomeKind;

    public OutboxStatus Status { get; set; } = OutboxStatus.Pending;

    public int Attempts { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>Who holds the claim and until when; another worker may take the row only after it lapses.</summary>
    public string? ClaimedBy { get; set; }

    public DateTimeOffset? ClaimedUntil { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public string? LastError { get; set; }

    /// <summary>The message's id on the wire (derived from the lead), so a resend after a crash is recognisable.</summary>
    public string? MessageId { get; set; }
}
