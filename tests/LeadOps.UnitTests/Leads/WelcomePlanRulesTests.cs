using LeadOps.Domain.Common;
using LeadOps.Domain.Leads;

namespace LeadOps.UnitTests.Leads;

/// <summary>Welcome only when welcome: which new lead is welcomed, and the reason shown when it is not.</summary>
public sealed class WelcomePlanRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Day = TimeSpan.FromHours(24);

    [Test]
    public void A_lead_older_than_the_age_limit_when_found_is_skipped_with_the_reason_and_a_fresh_one_is_pending()
    {
        Assert.That(Plan(Lead(Now.AddHours(-25)), new WelcomeRules(true, Now, Day)), Is.EqualTo("Skipped (older than 24 h when found)"));
        Assert.That(Plan(Lead(Now.AddHours(-23)), new WelcomeRules(true, Now, Day)), Is.Null);
    }

    [Test]
    public void Every_other_reason_is_given_in_order()
    {
        Assert.That(Plan(WithEmail(Lead(Now), null), new WelcomeRules(true, Now, Day)), Is.EqualTo(WelcomeSkipReasons.NoEmail));
        Assert.That(Plan(WithEmail(Lead(Now), new string('a', 319) + TextLimit.CutMark), new WelcomeRules(true, Now, Day)), Is.EqualTo(WelcomeSkipReasons.NoEmail), "a cut address is no address");
        Assert.That(Plan(Lead(Now), new WelcomeRules(false, Now, Day)), Is.EqualTo(WelcomeSkipReasons.Disabled));
        Assert.That(Plan(Lead(Now), new WelcomeRules(true, Now, Day, Requested: false)), Is.EqualTo(WelcomeSkipReasons.NotRequested));
        Assert.That(Plan(Lead(Now, known: false), new WelcomeRules(true, Now, Day)), Is.EqualTo(WelcomeSkipReasons.UnknownTime));
        Assert.That(Plan(Lead(Now, known: false, LeadSource.Webhook), new WelcomeRules(true, Now, Day)), Is.Null, "a webhook announces a lead as it happens");
        Assert.That(Plan(Lead(Now), new WelcomeRules(true, Now, Day, RequiredConsentKey: "optional_1")), Is.EqualTo("Skipped (no consent: optional_1 not checked)"));
    }

    [Test]
    public void A_required_consent_ticked_lets_the_welcome_through_and_the_outbox_row_carries_the_planned_reason()
    {
        var lead = Lead(Now);
        lead.Consents = [new LeadConsent("optional_1", true), new LeadConsent("optional_2", false)];
        Assert.That(Plan(lead, new WelcomeRules(true, Now, Day, RequiredConsentKey: "optional_1")), Is.Null);

        var old = Lead(Now.AddDays(-60));
        old.PlanWelcome(new WelcomeRules(true, Now, Day));
        var row = OutboxMessage.WelcomeFor(old, Now);
        Assert.That((row.Status, row.LastError), Is.EqualTo((OutboxStatus.Skipped, (string?)"Skipped (older than 24 h when found)")));
    }

    [TestCase(300, "abc", "abc")]
    [TestCase(5, "abcdefgh", "abcd…")]
    public void A_value_too_long_for_its_column_is_cut_with_a_visible_mark(int length, string value, string expected) =>
        Assert.That(TextLimit.Fit(value, length), Is.EqualTo(expected));

    private static string? Plan(Lead lead, WelcomeRules rules)
    {
        lead.PlanWelcome(rules);
        return lead.WelcomeStatus == WelcomeStatus.Pending ? null : lead.WelcomeSkipReason;
    }

    private static Lead WithEmail(Lead lead, string? email)
    {
        lead.Email = email;
        return lead;
    }

    private static Lead Lead(DateTimeOffset created, bool known = true, LeadSource source = LeadSource.ScheduledRetrieval) =>
        new() { Email = "ana@example.test", CreatedTime = created, CreatedTimeKnown = known, Source = source, FirstSeenAt = Now };
}
