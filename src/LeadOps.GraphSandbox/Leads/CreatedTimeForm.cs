namespace LeadOps.GraphSandbox;

/// <summary>How a lead's <c>created_time</c> reaches the client: what Graph usually sends, or one of the variants seen in practice.</summary>
public enum CreatedTimeForm
{
    /// <summary><c>2026-11-20T10:15:00+0000</c>.</summary>
    Iso,

    /// <summary>Left out of the lead.</summary>
    Missing,

    /// <summary>A text no time parser reads.</summary>
    Unreadable,

    /// <summary>Unix seconds as a JSON number.</summary>
    Unix,
}
