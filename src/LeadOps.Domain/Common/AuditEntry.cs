namespace LeadOps.Domain.Common;

/// <summary>Who did what, when, to which thing, and how it ended. Never holds message text or tokens.</summary>
public sealed class AuditEntry : IOwnedByUser
{
    public const int ActionLength = 50;
    public const int SubjectTypeLength = 50;
    public const int SubjectIdLength = 100;
    public const int OutcomeLength = 50;
    public const int ViaLength = 150;

    public long Id { get; set; }

    public string OwnerId { get; set; } = string.Empty;

    public string ActorId { get; set; } = string.Empty;

    public string Action { get; set; } = string.Empty;

    public string SubjectType { get; set; } = string.Empty;

    public string SubjectId { get; set; } = string.Empty;

    public string Outcome { get; set; } = string.Empty;

    /// <summary>At most <see cref="TextLimit.Reason"/> characters.</summary>
    public string? Detail { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>How the actor acted when not in their own browser session: the API key by name and prefix, the admin key.</summary>
    public string? Via { get; set; }
}
