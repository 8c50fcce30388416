namespace LeadOps.Domain.Outgoing;

/// <summary>
/// Something users are told about (a new lead, an escalated conversation), written by a domain event handler in the
/// same save as the change (ADR 0024). The outgoing worker later fans it out: one delivery per endpoint that
/// subscribes to it, and the staff alerts its integration asks for; <see cref="ProcessedAt"/> says that is done.
/// </summary>
public sealed class OutgoingEvent : Entity, IOwnedByUser
{
    /// <summary>An escalation's reason is kept to this length (<see cref="Conversations.Conversation.ReasonLength"/>).</summary>
    public const int ReasonLength = 500;

    /// <summary>
    /// Room for <see cref="Detail"/>. A stage change's detail is JSON naming two stages, which must never be cut (a cut
    /// one cannot be read back): each name has at most <see cref="Leads.Stages.PipelineStage.NameLength"/> characters
    /// and JSON may write every one of them as a six-character escape (<c>\u041D</c>), so at most 2 × 60 × 6 + 19 = 739.
    /// </summary>
    public const int DetailLength = TextLimit.Reason;

    public long Id { get; set; }

    public string OwnerId { get; set; } = string.Empty;

    /// <summary>A unique id, sent as <c>id</c> in each body: receivers use it to drop repeats.</summary>
    public Guid EventId { get; private set; } = Guid.NewGuid();

    public string Name { get; private set; } = string.Empty;

    public long? LeadId { get; private set; }

    public Leads.Lead? Lead { get; private set; }

    public Guid? ConversationId { get; private set; }

    public int? IntegrationId { get; private set; }

    /// <summary>For a stage change, the stages (from → to); for an escalation, its reason.</summary>
    public string? Detail { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    public DateTimeOffset? ProcessedAt { get; private set; }

    /// <summary>Fan-outs of this event that failed (its body could not be built, the database refused its rows…).</summary>
    public int FanOutAttempts { get; private set; }

    /// <summary>
    /// When the worker set the event aside after <see cref="FanOutAttempts"/> failures: it is not tried again (until
    /// staff ask, <see cref="TryAgain"/>), so the events after it go (a batch of such events would otherwise fill every
    /// round). Null while it may still go out.
    /// </summary>
    public DateTimeOffset? SetAsideAt { get; private set; }

    /// <summary>
    /// After a failed fan-out, when the next try is due (null: due now). The wait doubles with each failure, so a failure
    /// that clears within minutes (no free connection, a busy database) cannot use up every try in a few quick rounds.
    /// </summary>
    public DateTimeOffset? NextFanOutAt { get; private set; }

    public static OutgoingEvent ForLead(string name, Leads.Lead lead, DateTimeOffset now, string? detail = null) => new()
    {
        Name = name,
        Lead = lead,
        LeadId = lead.Id == 0 ? null : lead.Id,
        IntegrationId = lead.IntegrationId,
        OccurredAt = now,
        Detail = TextLimit.Fit(detail, DetailLength),
    };

    public static OutgoingEvent ForConversation(string name, Guid conversationId, int integrationId, DateTimeOffset now, string? detail) => new()
    {
        Name = name,
        ConversationId = conversationId,
        IntegrationId = integrationId,
        OccurredAt = now,
        Detail = TextLimit.Fit(detail, ReasonLength),
    };

    public void MarkProcessed(DateTimeOffset now) => ProcessedAt = now;

    /// <summary>Set aside after failed fan-outs and never prepared for its endpoints: staff may try it again.</summary>
    public bool IsSetAside => SetAsideAt is not null && ProcessedAt is null;

    /// <summary>
    /// Staff try a set-aside event again (once what made it fail is put right): a fresh round of fan-out attempts, due
    /// at the worker's next round. Only a set-aside event can be: the caller says so to staff before calling.
    /// </summary>
    public void TryAgain()
    {
        if (!IsSetAside)
        {
            throw new InvalidOperationException("Only an event that was set aside, and never prepared, can be tried again.");
        }

        Raise(new OutgoingEventRetried(this));
        FanOutAttempts = 0;
        NextFanOutAt = null;
        SetAsideAt = null;
    }

    /// <summary>
    /// A fan-out failed: the k-th failure puts the next try <paramref name="firstDelay"/> × 2^(k-1) later; after
    /// <paramref name="maxAttempts"/> the event is set aside. True when this one set it aside.
    /// </summary>
    public bool FanOutFailed(DateTimeOffset now, int maxAttempts, TimeSpan firstDelay)
    {
        FanOutAttempts++;
        NextFanOutAt = now + (firstDelay * Math.Pow(2, Math.Clamp(FanOutAttempts - 1, 0, 20)));
        if (SetAsideAt is null && FanOutAttempts >= maxAttempts)
        {
            SetAsideAt = now;
            return true;
        }

        return false;
    }
}
