using LeadOps.Application.Leads;
using LeadOps.Domain.Integrations;

namespace LeadOps.UnitTests.Leads;

/// <summary>The schedule's decisions (ADR 0010) on their own: when a form is due, what the count probe asks for, what a reconciliation says.</summary>
public sealed class LosslessScheduleRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);
    private static readonly SyncCadence Cadence = SyncCadence.Default;

    [TestCase(4, null, null, false, Description = "subscribed, no miss: every five minutes")]
    [TestCase(5, null, null, true)]
    [TestCase(1, false, null, true, Description = "subscription missing: every minute")]
    [TestCase(1, true, 30, true, Description = "a miss half an hour ago: every minute")]
    [TestCase(1, true, 61, false, Description = "a miss over an hour ago: back to five minutes")]
    public void A_form_is_due_every_five_minutes_or_every_minute_while_the_webhook_needs_cover(int minutesSinceSync, bool? subscribed, int? minutesSinceMiss, bool due)
    {
        var form = Schedule(Now.AddMinutes(-minutesSinceSync)) with { LeadgenSubscribed = subscribed ?? true, LastMissAt = minutesSinceMiss is { } m ? Now.AddMinutes(-m) : null };

        Assert.That(form.IsDueAt(Now, Cadence), Is.EqualTo(due));
    }

    [Test]
    public void A_count_the_probe_found_grown_is_fetched_once_the_webhook_had_its_grace_and_a_paused_page_waits()
    {
        var asked = Schedule(Now.AddMinutes(-1)) with { SyncRequestedAt = Now.AddSeconds(-10) };
        Assert.That(asked.IsDueAt(Now, Cadence), Is.False, "the webhook may still bring it");
        Assert.That(asked.IsDueAt(Now.AddSeconds(10), Cadence), Is.True);
        Assert.That((Schedule(null) with { SyncPausedUntil = Now.AddMinutes(5) }).IsDueAt(Now, Cadence), Is.False, "never synced, but Graph's budget comes first");
        Assert.That((Schedule(Now) with { FullWalkRequestedAt = Now }).SinceFor(Cadence), Is.Null, "a reconciliation's walk reads the whole form");
        Assert.That((Schedule(Now) with { Watermark = DateTimeOffset.MinValue }).SinceFor(Cadence), Is.Null, "no overflow below the earliest time");
    }

    [Test]
    public void The_probe_asks_for_a_sync_when_metas_count_grows_past_what_leadops_holds_and_settles_a_gap_a_sync_cannot_close()
    {
        var form = new IntegrationForm();
        Assert.That(form.ProbeCount(10, 10, Now), Is.False, "first look");
        Assert.That(form.ProbeCount(11, 10, Now.AddMinutes(1)), Is.True, "one lead more than LeadOps holds");
        Assert.That(form.ProbeCount(11, 10, Now.AddMinutes(2)), Is.True, "still waiting for its sync");
        form.RecordSync(Now, Now.AddMinutes(2), Now.AddMinutes(2), newLeads: 0);
        Assert.That(form.ProbeCount(11, 10, Now.AddMinutes(3)), Is.False, "a sync found nothing and the gap stayed: settled (a deleted test lead, an expired lead)");
        Assert.That(form.ProbeCount(12, 10, Now.AddMinutes(4)), Is.True, "a new lead on top of the settled gap");
    }

    [Test]
    public void A_lead_counted_between_a_sync_and_the_next_probe_is_asked_for_not_settled_away()
    {
        var form = new IntegrationForm();
        form.ProbeCount(10, 10, Now);
        Assert.That(form.ProbeCount(11, 10, Now.AddMinutes(1)), Is.True);
        form.RecordSync(Now, Now.AddMinutes(1), Now.AddMinutes(1).AddSeconds(30), newLeads: 1);

        Assert.That(form.ProbeCount(13, 11, Now.AddMinutes(2)), Is.True, "the sync found the first; the next one came after it");

        var first = new IntegrationForm();
        Assert.That(first.ProbeCount(100, 0, Now), Is.True, "before a form's first walk every lead Meta counts is one to fetch");
        first.RecordSync(null, Now, Now.AddSeconds(30), newLeads: 100);
        Assert.That(first.ProbeCount(103, 100, Now.AddMinutes(1)), Is.True, "leads after the first walk are not taken for history");
    }

    [Test]
    public void A_reconciliation_with_a_gap_asks_for_a_walk_of_the_whole_form_and_says_both_counts()
    {
        var form = new IntegrationForm();
        form.RecordSync(null, Now, Now);
        Assert.That(form.ReconciliationDueAt(Now.AddHours(23), Cadence.ReconcileInterval), Is.False);
        Assert.That(form.ReconciliationDueAt(Now.AddDays(1), Cadence.ReconcileInterval), Is.True);

        form.Reconcile(412, 409, Now.AddDays(1));

        Assert.That(form.FullWalkRequestedAt, Is.EqualTo(Now.AddDays(1)));
        Assert.That(Application.Integrations.IntegrationFormView.From(form).ReconcileText, Is.EqualTo("Meta counts 412, LeadOps holds 409: walking the form again."));
        form.RecordSync(null, Now.AddDays(1), Now.AddDays(1));
        Assert.That(form.FullWalkRequestedAt, Is.Null);
        Assert.That(Application.Integrations.IntegrationFormView.From(form).ReconcileText, Is.EqualTo("Meta counted 412, LeadOps held 409: the form was walked again."));
    }

    private static FormSchedule Schedule(DateTimeOffset? lastSynced) =>
        new("owner", 1, "form", Now.AddHours(-1), lastSynced, null, null, true, null, null);
}
