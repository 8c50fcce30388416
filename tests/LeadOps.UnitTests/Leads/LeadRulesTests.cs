using LeadOps.Application.Leads;
using LeadOps.Domain.Common;
using LeadOps.Domain.Leads;

namespace LeadOps.UnitTests.Leads;

public sealed class LeadRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    [TestCase(true, "ana@example.test", WelcomeStatus.Pending, OutboxStatus.Pending, null)]
    [TestCase(true, null, WelcomeStatus.Skipped, OutboxStatus.Skipped, WelcomeSkipReasons.NoEmail)]
    [TestCase(false, "ana@example.test", WelcomeStatus.Skipped, OutboxStatus.Skipped, WelcomeSkipReasons.Disabled)]
    public void A_new_lead_gets_a_welcome_when_its_integration_sends_them_and_it_left_an_email(
        bool sendsWelcomes, string? email, WelcomeStatus status, OutboxStatus row, string? reason)
    {
        var lead = new Lead { Email = email };
        lead.PlanWelcome(sendsWelcomes);
        var welcome = OutboxMessage.WelcomeFor(lead, Now);

        Assert.That((lead.WelcomeStatus, welcome.Status, welcome.LastError, welcome.NextAttemptAt), Is.EqualTo((status, row, reason, Now)));
    }

    [Test]
    public void A_value_longer_than_its_column_is_cut_with_a_mark_and_one_that_fits_is_kept()
    {
        var lead = new Lead { Email = new string('a', Lead.EmailLength), FirstName = new string('b', Lead.PartNameLength + 1), AdName = "Spring" };

        lead.KeepWithinLimits();

        Assert.Multiple(() =>
        {
            Assert.That(lead.Email, Has.Length.EqualTo(Lead.EmailLength).And.Not.EndsWith(TextLimit.CutMark));
            Assert.That(lead.FirstName, Has.Length.EqualTo(Lead.PartNameLength).And.EndsWith(TextLimit.CutMark));
            Assert.That(lead.AdName, Is.EqualTo("Spring"));
        });
    }

    [Test]
    public void A_run_keeps_every_distinct_warning_in_the_order_they_came_within_its_column()
    {
        var run = RetrievalRun.Start(1, "form", Now);

        run.Warn("Graph kept repeating a cursor.");
        run.Warn("Graph refused field vehicle for this page; leads were stored without it.");
        run.Warn("Graph kept repeating a cursor.");

        Assert.That(run.Warning, Is.EqualTo("Graph kept repeating a cursor. Graph refused field vehicle for this page; leads were stored without it."));
        run.Warn(new string('x', TextLimit.Reason));
        Assert.That(run.Warning, Has.Length.EqualTo(TextLimit.Reason).And.StartsWith("Graph kept repeating a cursor. Graph refused").And.EndsWith(TextLimit.CutMark));
    }

    [Test]
    public void The_left_out_fields_are_named_in_the_order_LeadOps_asks_for_them_whatever_order_pages_met_them_in() =>
        Assert.That(
            FacebookLeadPage.LeftOutNote(["post", "vehicle", "partner_name", "vehicle"]),
            Is.EqualTo("Graph refused fields partner_name, vehicle, post for this page; leads were stored without them."));
}
