namespace LeadOps.Application.Leads;

/// <summary>
/// A lead as shown beside something of the same person (a conversation, another lead): its name, form and date, and
/// why it is shown (<see cref="Match"/>: "same e-mail", "same phone", "same ad").
/// </summary>
public sealed record LeadCard(long Id, string Name, string? FormName, string FormId, DateTimeOffset CreatedTime, string Match)
{
    /// <summary>The lead's stage as its owner names it now (as the Leads list shows it); null when unknown.</summary>
    public string? Stage { get; init; }
}
