using LeadOps.Domain.Leads;
using LeadOps.Domain.Leads.Conversions;

namespace LeadOps.UnitTests.Common;

/// <summary>The claim past the last attempt (ADR 0004): no attempt itself, and its reason says what is true.</summary>
public sealed class OutboxAttemptRulesTests
{
    private const string MayHaveIt = "Meta may already have this event.";

    [Test]
    public void A_claim_within_the_limit_goes_ahead()
    {
        var row = Row(attempts: 3);
        Assert.That(row.GiveUpPastLastAttempt(3, previousClaimLapsed: true, MayHaveIt, "down"), Is.Null);
        Assert.That(row.Attempts, Is.EqualTo(3));
    }

    [Test]
    public void Past_the_limit_after_a_lapsed_claim_the_recipient_may_already_have_it()
    {
        var row = Row(attempts: 4);
        var reason = row.GiveUpPastLastAttempt(3, previousClaimLapsed: true, MayHaveIt, "down");
        Assert.Multiple(() =>
        {
            Assert.That(reason, Does.StartWith("Not sent again after 3 attempts: the last one stopped before its outcome was recorded").And.EndWith(MayHaveIt));
            Assert.That(row.Attempts, Is.EqualTo(3), "the claim that does nothing is not an attempt");
        });
    }

    [Test]
    public void Past_a_lowered_limit_after_a_recorded_failure_it_says_the_attempts_failed_and_the_limit()
    {
        var row = Row(attempts: 6);
        var reason = row.GiveUpPastLastAttempt(2, previousClaimLapsed: false, MayHaveIt, "Meta could not be reached: timeout");
        Assert.Multiple(() =>
        {
            Assert.That(reason, Is.EqualTo("Not sent again after 5 attempts: the limit is now 2. The last attempt failed: Meta could not be reached: timeout"));
            Assert.That(row.Attempts, Is.EqualTo(5));
        });
    }

    private static ConversionEvent Row(int attempts)
    {
        var row = ConversionEvent.For(new Lead(), "new", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);
        row.Attempts = attempts;
        return row;
    }
}
