using System.Text.Json;
using LeadOps.Domain.Leads.Events;

namespace LeadOps.Domain.Leads;

/// <summary>Whether a new lead is welcomed, and the consents that decision may need.</summary>
public sealed partial class Lead
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Why <see cref="PlanWelcome(WelcomeRules, LeadFollowUps?)"/> skipped the welcome; written on the outbox row that goes with the lead.</summary>
    public string? WelcomeSkipReason { get; private set; }

    /// <summary>The consent check boxes as the person left them, within their limits.</summary>
    public IReadOnlyList<LeadConsent> Consents
    {
        get => JsonSerializer.Deserialize<List<LeadConsent>>(ConsentsJson, Json) ?? [];
        set => ConsentsJson = JsonSerializer.Serialize(FitConsents(value), Json);
    }

    /// <summary>Whether the check box with this key was ticked.</summary>
    public bool HasConsent(string key) => Consents.Any(c => c.Checked && string.Equals(c.Key, key, StringComparison.Ordinal));

    /// <summary>A new lead's welcome with only its integration's switch to go by (no age limit, no consent asked).</summary>
    public void PlanWelcome(bool integrationSendsWelcomes) => PlanWelcome(new WelcomeRules(integrationSendsWelcomes, FirstSeenAt));

    /// <summary>
    /// A new lead's welcome: pending when it can and may be welcomed, else skipped with the first reason that applies
    /// (no usable e-mail, welcome switched off, the retrieval asked for none, submitted at an unknown time and not just
    /// announced by webhook, older than the age limit when found, a required consent not given). Planning is the last
    /// step before a new lead is stored: it raises <see cref="LeadCreated"/> (once), whose handler writes the lead's outbox
    /// row (<see cref="OutboxMessage.WelcomeFor"/>) in the same save, and the <paramref name="followUps"/> its
    /// integration asks for (all of them when not given).
    /// </summary>
    public void PlanWelcome(WelcomeRules rules, LeadFollowUps? followUps = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        WelcomeSkipReason = WhyNoWelcome(rules);
        WelcomeStatus = WelcomeSkipReason is null ? WelcomeStatus.Pending : WelcomeStatus.Skipped;
        if (!DomainEvents.OfType<LeadCreated>().Any())
        {
            Raise(new LeadCreated(this, followUps ?? LeadFollowUps.All));
        }
    }

    private string? WhyNoWelcome(WelcomeRules rules) =>
        !HasUsableEmail ? WelcomeSkipReasons.NoEmail
        : !rules.IntegrationSendsWelcomes ? WelcomeSkipReasons.Disabled
        : !rules.Requested ? WelcomeSkipReasons.NotRequested
        : !CreatedTimeKnown && Source != LeadSource.Webhook ? WelcomeSkipReasons.UnknownTime
        : rules.MaxLeadAge is { } max && rules.Now - CreatedTime > max ? WelcomeSkipReasons.TooOld(max)
        : rules.RequiredConsentKey is { Length: > 0 } key && !HasConsent(key) ? WelcomeSkipReasons.NoConsent(key)
        : null;
}
