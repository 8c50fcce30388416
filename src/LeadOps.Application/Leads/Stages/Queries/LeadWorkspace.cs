namespace LeadOps.Application.Leads.Stages.Queries;

/// <summary>What the lead's page shows of its work: its stage, the stages it may move to, its history, its notes and what Meta was told.</summary>
public sealed record LeadWorkspace(
    long LeadId,
    string StageKey,
    string StageName,
    DateTimeOffset StageEnteredAt,
    IReadOnlyList<StageView> Stages,
    IReadOnlyList<StageChangeView> History,
    IReadOnlyList<NoteView> Notes,
    IReadOnlyList<Conversions.ConversionEventView> Conversions)
{
    /// <summary>How many history rows, and how many notes, one page of the lead's page shows.</summary>
    public const int PageSize = 200;

    /// <summary>Where this page of history starts (null: at the newest).</summary>
    public long? HistoryBefore { get; init; }

    /// <summary>Set when older history rows than these are kept: pass it as <see cref="GetLeadWorkspace.HistoryBefore"/> to show them.</summary>
    public long? OlderHistory { get; init; }

    /// <summary>Where this page of notes starts (null: at the newest).</summary>
    public long? NotesBefore { get; init; }

    /// <summary>Set when older notes than these are kept: pass it as <see cref="GetLeadWorkspace.NotesBefore"/> to show them.</summary>
    public long? OlderNotes { get; init; }
}

public sealed record StageChangeView(string? From, string To, string By, DateTimeOffset At);

public sealed record NoteView(string Text, string By, DateTimeOffset At);
