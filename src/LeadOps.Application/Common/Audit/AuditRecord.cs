namespace LeadOps.Application.Common.Audit;

/// <summary>
/// One row of the audit trail: what was done (<see cref="AuditActions"/>) to which thing and how it ended. The data
/// layer adds the actor and the time and writes it in the same save as the change. Never message text or tokens.
/// </summary>
public sealed record AuditRecord(string Action, string SubjectType, string SubjectId, string Outcome, string? Detail)
{
    /// <summary>The row written in <paramref name="save"/>: its actor and time, the detail cut to the column.</summary>
    public AuditEntry ToEntry(Events.SaveContext save) => new()
    {
        ActorId = save.ActorId,
        Action = Action,
        SubjectType = SubjectType,
        SubjectId = SubjectId,
        Outcome = Outcome,
        Detail = Detail is null ? null : TextLimit.Cut(Detail),
        At = save.Now,
        Via = save.Via is null ? null : TextLimit.Fit(save.Via, AuditEntry.ViaLength),
    };
}
