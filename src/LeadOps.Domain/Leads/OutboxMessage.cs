namespace LeadOps.Domain.Leads;

/// <summary>
/// A side effect to deliver reliably (the welcome message), written in the same transaction as the lead it belongs
/// to. One per lead and kind (unique), so a lead can never be queued twice.
/// </summary>
public sealed class OutboxMessage : OutboxItem
{
    public const string WelcomeKind = "welcome";
    public const int KindLength = 20;
    public const int MessageIdLength = 200;

    public long LeadId { get; set; }

    public Lead? Lead { get; set; }

    public string Kind { get; set; } = WelcomeKind;

    public OutboxStatus Status { get; private set; } = OutboxStatus.Pending;

    public DateTimeOffset? SentAt { get; private set; }

    public string? LastError { get; private set; }

    /// <summary>The message's id on the wire (derived from the lead), so a resend after a crash is recognisable.</summary>
    public string? MessageId { get; private set; }

    /// <summary>
    /// The welcome row written with a new lead, as the lead's planned welcome says: due now when pending, else skipped
    /// with the reason it was planned with (<see cref="Lead.PlanWelcome(WelcomeRules, LeadFollowUps?)"/>).
    /// </summary>
    public static OutboxMessage WelcomeFor(Lead lead, DateTimeOffset now)
    {
        var skipped = lead.WelcomeStatus == WelcomeStatus.Skipped;
        return new OutboxMessage
        {
            Lead = lead,
            Kind = WelcomeKind,
            CreatedAt = now,
            NextAttemptAt = now,
            Status = skipped ? OutboxStatus.Skipped : OutboxStatus.Pending,
            LastError = !skipped ? null : lead.WelcomeSkipReason ?? (lead.HasUsableEmail ? WelcomeSkipReasons.Disabled : WelcomeSkipReasons.NoEmail),
        };
    }

    /// <summary>Delivered: the row and its lead say Sent.</summary>
    public void MarkSent(DateTimeOffset at, string messageId)
    {
        Status = OutboxStatus.Sent;
        SentAt = at;
        MessageId = messageId;
        LastError = null;
        Release();
    }

    /// <summary>Not to be sent at all (no address, switched off, integration gone); the reason is shown as it is.</summary>
    public void MarkSkipped(string reason)
    {
        Status = OutboxStatus.Skipped;
        LastError = reason;
        Release();
    }

    /// <summary>Given up on: staff see the reason and may retry.</summary>
    public void MarkFailed(string reason)
    {
        Status = OutboxStatus.Failed;
        LastError = reason;
        Release();
    }

    /// <summary>A failed attempt that will be tried again at <paramref name="next"/>; still Pending.</summary>
    public void RetryAt(DateTimeOffset next, string error)
    {
        Status = OutboxStatus.Pending;
        NextAttemptAt = next;
        LastError = error;
        Release();
    }

    /// <summary>Staff asked to send a failed message again: a fresh round of attempts, due now.</summary>
    public void Requeue(DateTimeOffset now)
    {
        if (Status != OutboxStatus.Failed)
        {
            throw new InvalidOperationException("Only a failed message can be queued again.");
        }

        Raise(new WelcomeRetried(this));
        Status = OutboxStatus.Pending;
        Attempts = 0;
        NextAttemptAt = now;
        Release();
    }

    /// <summary>Ends the claim and brings the lead's welcome status in step with this row (the lead list filters on it).</summary>
    protected override void Release()
    {
        base.Release();
        var lead = Lead ?? throw new InvalidOperationException("Load the lead with its outbox message: its welcome status must change with it.");
        lead.WelcomeStatus = Status switch
        {
            OutboxStatus.Sent => WelcomeStatus.Sent,
            OutboxStatus.Failed => WelcomeStatus.Failed,
            OutboxStatus.Skipped => WelcomeStatus.Skipped,
            _ => WelcomeStatus.Pending,
        };
    }
}
