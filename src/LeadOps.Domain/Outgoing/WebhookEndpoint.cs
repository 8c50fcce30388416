namespace LeadOps.Domain.Outgoing;

/// <summary>
/// An HTTPS address a user registered to receive events, with its signing secret (encrypted like page tokens, shown
/// once). After <c>PauseAfter</c> failed attempts in a row it pauses itself: deliveries wait until the user resumes it.
/// </summary>
public sealed class WebhookEndpoint : IOwnedByUser
{
    public const int UrlLength = 2000;
    public const int DescriptionLength = 200;
    public const int ProtectedSecretLength = 2000;
    public const int EventsLength = 200;

    public int Id { get; set; }

    public string OwnerId { get; set; } = string.Empty;

    public string Url { get; private set; } = string.Empty;

    public string? Description { get; private set; }

    /// <summary>The events it receives, comma-separated (<see cref="OutgoingEventNames.Subscribable"/>).</summary>
    public string Events { get; private set; } = string.Empty;

    public string ProtectedSecret { get; private set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; private set; }

    public int ConsecutiveFailures { get; private set; }

    public DateTimeOffset? PausedAt { get; private set; }

    /// <summary>
    /// The one-time token of the Webhooks page's form that registered it, or null (the API): the same form posted again
    /// (a reload without script, a double click) finds it here and registers nothing (ADR 0018). Unique per owner.
    /// </summary>
    public Guid? FormToken { get; private set; }

    public bool IsPaused => PausedAt is not null;

    public IReadOnlyList<string> EventNames => Events.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public static WebhookEndpoint Register(string url, string? description, IEnumerable<string> events, string protectedSecret, DateTimeOffset now, Guid? formToken = null) => new()
    {
        Url = url,
        Description = TextLimit.Fit(description, DescriptionLength),
        Events = string.Join(',', events.Where(OutgoingEventNames.Subscribable.Contains).Distinct(StringComparer.Ordinal)),
        ProtectedSecret = protectedSecret,
        CreatedAt = now,
        FormToken = formToken,
    };

    public bool Receives(string eventName) => EventNames.Contains(eventName, StringComparer.Ordinal);

    public void RecordSuccess() => ConsecutiveFailures = 0;

    /// <summary>One more failed attempt; true when this one pauses the endpoint (it was not paused before).</summary>
    public bool RecordFailure(int pauseAfter, DateTimeOffset now)
    {
        ConsecutiveFailures++;
        if (IsPaused || ConsecutiveFailures < pauseAfter)
        {
            return false;
        }

        PausedAt = now;
        return true;
    }

    public void Resume()
    {
        PausedAt = null;
        ConsecutiveFailures = 0;
    }
}
