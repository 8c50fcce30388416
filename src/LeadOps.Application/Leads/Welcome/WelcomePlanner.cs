namespace LeadOps.Application.Leads.Welcome;

/// <summary>The rules a new lead's welcome is planned with (<see cref="Lead.PlanWelcome(WelcomeRules, LeadFollowUps?)"/>): the integration's switch, the age limit, whether the retrieval may send, the form's required consent.</summary>
internal sealed class WelcomePlanner(WelcomeAgeLimit ageLimit)
{
    public WelcomeRules RulesFor(Integration integration, IntegrationForm? form, bool requested, DateTimeOffset now) =>
        new(integration.WelcomeEnabled, now, ageLimit.MaxLeadAge, requested, form?.WelcomeConsentKey);

    /// <summary>Whether this lead, found now, would be welcomed (what a retrieval's preview counts).</summary>
    public bool WouldWelcome(Lead lead, Integration integration, IntegrationForm? form, DateTimeOffset now)
    {
        lead.PlanWelcome(RulesFor(integration, form, requested: true, now));
        return lead.WelcomeStatus == WelcomeStatus.Pending;
    }
}
