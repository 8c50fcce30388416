namespace LeadOps.Application.Leads.Welcome;

/// <summary>
/// <c>Welcome:MaxLeadAge</c>: a lead older than this when LeadOps first finds it (a backfill, a first sync, a
/// reconciliation) is history, not a new contact, and gets no "someone will be in touch shortly" e-mail.
/// </summary>
public sealed record WelcomeAgeLimit(TimeSpan MaxLeadAge)
{
    public static WelcomeAgeLimit Default { get; } = new(TimeSpan.FromHours(24));
}
