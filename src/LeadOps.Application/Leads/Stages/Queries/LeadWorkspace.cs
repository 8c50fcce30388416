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
    IReadOnlyList<Conversions.ConversionEventView> Conversions);

public sealed record StageChangeView(string? From, string To, string By, DateTimeOffset At);

public sealed record NoteView(string Text, string By, DateTimeOffset At);
