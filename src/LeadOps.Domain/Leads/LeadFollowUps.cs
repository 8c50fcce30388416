namespace LeadOps.Domain.Leads;

/// <summary>
/// What a new lead's integration asks for besides its welcome, decided by the use case that stores the lead: an event
/// for Meta's Conversions API when a dataset is linked to the integration (<see cref="ReportsConversions"/>), and an
/// outgoing <c>lead.created</c> event when one of the owner's webhook endpoints receives it or the integration alerts
/// staff on new leads (<see cref="Announces"/>). Nothing is written for a follow-up nobody asked for, so a retrieval of
/// thousands of leads leaves no rows for the background workers to open and skip one by one.
/// </summary>
public sealed record LeadFollowUps(bool ReportsConversions, bool Announces)
{
    /// <summary>Every follow-up: the safe choice when the caller does not know (the workers then decide per row).</summary>
    public static readonly LeadFollowUps All = new(true, true);
}
