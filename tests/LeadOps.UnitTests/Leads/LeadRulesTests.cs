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
    public void A_value_longer_than_its_column_does_not_fit()
    {
        Assert.That(new Lead { Email = new string('a', Lead.EmailLength) }.FitsItsColumns, Is.True);
        Assert.That(new Lead { Email = new string('a', Lead.EmailLength + 1) }.FitsItsColumns, Is.False);
        Assert.That(new Lead { FirstName = new string('a', Lead.PartNameLength + 1) }.FitsItsColumns, Is.False);
    }
}
