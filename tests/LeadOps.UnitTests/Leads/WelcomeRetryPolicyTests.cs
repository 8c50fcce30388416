using LeadOps.Application.Leads.Welcome;

namespace LeadOps.UnitTests.Leads;

public sealed class WelcomeRetryPolicyTests
{
    [TestCase(1, 60)]
    [TestCase(2, 120)]
    [TestCase(3, 240)]
    [TestCase(5, 960)]
    [TestCase(7, 3600)]
    [TestCase(1000, 3600)]
    public void The_wait_doubles_after_each_failed_attempt_up_to_the_cap(int attempts, int seconds) =>
        Assert.That(WelcomeRetryPolicy.Default.DelayAfter(attempts), Is.EqualTo(TimeSpan.FromSeconds(seconds)));
}
