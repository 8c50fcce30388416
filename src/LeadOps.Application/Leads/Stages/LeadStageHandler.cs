using LeadOps.Application.Common.Events;
using LeadOps.Domain.Leads.Conversions;
using LeadOps.Domain.Leads.Events;
using LeadOps.Domain.Leads.Stages;

namespace LeadOps.Application.Leads.Stages;

/// <summary>
/// Every stage a lead enters, the first included, in the same save as the change (ADR 0023): a history row, and an
/// outbox row for Meta's Conversions API when the lead has a Facebook lead id. A new lead (<see cref="LeadCreated"/>)
/// enters the entry stage when it is first stored (its Conversions API row only when its integration has a dataset
/// linked: <see cref="LeadFollowUps.ReportsConversions"/>); staff moves raise <see cref="LeadStageChanged"/>.
/// </summary>
internal sealed class LeadStageHandler : IDomainEventHandler
{
    public IEnumerable<object> OnSaving(IDomainEvent domainEvent, SaveContext save) => domainEvent switch
    {
        LeadCreated created => Entered(created.Lead, null, null, created.Lead.StageKey, null, save.ActorId, FirstSeen(created.Lead, save), save.Now, created.FollowUps.ReportsConversions),
        LeadStageChanged moved => Entered(moved.Lead, moved.FromStageKey, moved.FromStage, moved.ToStageKey, moved.ToStage, moved.ActorId, moved.At, save.Now, reportConversion: true),
        _ => [],
    };

    /// <summary>Whether Meta can match the lead: its Facebook lead id is a leadgen id (digits only).</summary>
    public static bool HasFacebookLeadId(Lead lead) =>
        lead.FacebookLeadId is { Length: > 0 and <= 19 } id && id.All(char.IsAsciiDigit) && long.TryParse(id, out var value) && value > 0;

    private static DateTimeOffset FirstSeen(Lead lead, SaveContext save) => lead.FirstSeenAt == default ? save.Now : lead.FirstSeenAt;

    private static IEnumerable<object> Entered(
        Lead lead, string? fromKey, string? fromName, string toKey, string? toName, string actorId, DateTimeOffset at, DateTimeOffset now, bool reportConversion)
    {
        yield return LeadStageChange.Entered(lead, fromKey, fromName, toKey, toName, actorId, at);
        if (reportConversion && HasFacebookLeadId(lead))
        {
            yield return ConversionEvent.For(lead, toKey, at, now);
        }
    }
}
