namespace LeadOps.Domain.Leads.Events;

/// <summary>
/// Staff moved a lead to another stage (<see cref="Lead.ChangeStage"/>): <paramref name="FromStage"/> and
/// <paramref name="ToStage"/> are the stages' names at the time (null from: the lead had no recorded stage), the keys
/// stay the same when a stage is renamed. Its handlers write the stage history row and the Conversions API outbox row
/// in the same save. A new lead's entry stage raises no such event: <see cref="LeadCreated"/> stands for it.
/// </summary>
public sealed record LeadStageChanged(Lead Lead, string? FromStage, string ToStage, string ActorId, DateTimeOffset At, string? FromStageKey, string ToStageKey) : IDomainEvent;
