namespace LeadOps.Domain.Common;

/// <summary>
/// A row of an outbox (ADR 0004): work written in the same save as the change it comes from, then done by a worker,
/// once. A worker claims a due row with a lease (<see cref="ClaimedBy"/> until <see cref="ClaimedUntil"/>) in one
/// conditional UPDATE, so workers on any number of nodes never take the same row; recording the outcome ends the
/// claim. <see cref="ClaimedBy"/> is the row's concurrency token: an outcome recorded after the lease lapsed and
/// another worker took the row is refused.
/// </summary>
public abstract class OutboxItem : Entity, IOwnedByUser
{
    public const int ClaimedByLength = 100;

    public long Id { get; set; }

    public string OwnerId { get; set; } = string.Empty;

    /// <summary>
    /// Attempts in the current round (a claim that counts attempts, or the outcome, adds one). A claim that stops
    /// before its outcome is saved counts as one; the claim past the last attempt does not (<see cref="GiveUpPastLastAttempt"/>).
    /// </summary>
    public int Attempts { get; set; }

    public DateTimeOffset CreatedAt { get; protected set; }

    public DateTimeOffset NextAttemptAt { get; protected set; }

    /// <summary>Who holds the claim and until when; another worker may take the row only after it lapses.</summary>
    public string? ClaimedBy { get; set; }

    public DateTimeOffset? ClaimedUntil { get; set; }

    /// <summary>
    /// The claim after the last of <paramref name="maxAttempts"/> attempts does not do the work again (ADR 0004): it is
    /// not counted as an attempt, and the answer is why the row is given up on (null while an attempt is left). Only
    /// when the previous claim lapsed without an outcome may the work have been done without being recorded (then
    /// <paramref name="mayAlreadyHaveIt"/> is said); otherwise every attempt's outcome was recorded, and the row is past
    /// the limit only because the limit was lowered since.
    /// </summary>
    public string? GiveUpPastLastAttempt(int maxAttempts, bool previousClaimLapsed, string mayAlreadyHaveIt, string? lastError)
    {
        if (Attempts <= maxAttempts)
        {
            return null;
        }

        Attempts--;
        return TextLimit.Cut(previousClaimLapsed
            ? $"Not sent again after {Attempts} attempts: the last one stopped before its outcome was recorded (see the log). {mayAlreadyHaveIt}"
            : $"Not sent again after {Attempts} attempts: the limit is now {maxAttempts}. The last attempt failed: {lastError ?? "unknown error"}");
    }

    /// <summary>Ends the claim: the outcome is recorded.</summary>
    protected virtual void Release()
    {
        ClaimedBy = null;
        ClaimedUntil = null;
    }
}
