namespace LeadOps.Domain.Leads;

/// <summary>
/// What decides a new lead's welcome besides the lead itself: its integration's switch, the time it is found, the age
/// beyond which a lead is history rather than a new contact, whether the retrieval that found it may send welcomes,
/// and the consent check box its form requires (if any).
/// </summary>
public sealed record WelcomeRules(
    bool IntegrationSendsWelcomes,
    DateTimeOffset Now,
    TimeSpan? MaxLeadAge = null,
    bool Requested = true,
    string? RequiredConsentKey = null);
