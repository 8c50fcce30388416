using LeadOps.Domain.Leads.Events;
using LeadOps.Domain.Leads.Stages;

namespace LeadOps.Domain.Leads;

/// <summary>Where the lead stands in its owner's pipeline.</summary>
public sealed partial class Lead
{
    /// <summary>The key of the lead's stage (<see cref="PipelineStage.Key"/>); every new lead enters the entry stage.</summary>
    public string StageKey { get; private set; } = PipelineStage.EntryKey;

    /// <summary>When the lead entered its stage; null while it is in the stage it entered when first stored (then <see cref="FirstSeenAt"/>).</summary>
    public DateTimeOffset? StageEnteredAt { get; private set; }

    /// <summary>
    /// Moves the lead to <paramref name="to"/>, raising <see cref="LeadStageChanged"/>; false (and nothing raised)
    /// when it is already there. <paramref name="from"/> is the lead's current stage as the owner names it, if known.
    /// </summary>
    public bool ChangeStage(PipelineStage to, PipelineStage? from, string actorId, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(to);
        ArgumentException.ThrowIfNullOrEmpty(actorId);
        if (to.Key == StageKey)
        {
            return false;
        }

        var fromKey = StageKey;
        StageKey = to.Key;
        StageEnteredAt = at;
        Raise(new LeadStageChanged(this, from?.Name, to.Name, actorId, at, fromKey, to.Key));
        return true;
    }
}
