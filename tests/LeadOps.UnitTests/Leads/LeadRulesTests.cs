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
}
