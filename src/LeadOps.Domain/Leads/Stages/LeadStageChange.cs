namespace LeadOps.Domain.Leads.Stages;

/// <summary>
/// A stage a lead entered: who moved it (or the owner, for the entry stage of a new lead), when, from which stage and
/// to which. Names are kept as they were at the time; the entry of a new lead has no names (its stage's current name is shown).
/// </summary>
public sealed class LeadStageChange : IOwnedByUser
{
    public long Id { get; set; }

    public string OwnerId { get; set; } = string.Empty;

    public long LeadId { get; set; }

    public Lead? Lead { get; set; }

    public string? FromStageKey { get; private set; }

    public string? FromStageName { get; private set; }

    public string ToStageKey { get; private set; } = string.Empty;

    public string? ToStageName { get; private set; }

    public string ActorId { get; private set; } = string.Empty;

    public DateTimeOffset At { get; private set; }

    public static LeadStageChange Entered(Lead lead, string? fromKey, string? fromName, string toKey, string? toName, string actorId, DateTimeOffset at) => new()
    {
        Lead = lead,
        FromStageKey = fromKey,
        FromStageName = fromName,
        ToStageKey = toKey,
        ToStageName = toName,
        ActorId = actorId,
        At = at,
    };
}
