using LeadOps.Infrastructure.Graph;

namespace LeadOps.UnitTests.Graph;

public sealed class GraphPacingTests
{
    private static readonly TimeSpan Max = TimeSpan.FromSeconds(10);

    [TestCase(null, 0)]
    [TestCase(50.0, 0)]
    [TestCase(80.0, 0)]
    [TestCase(90.0, 5000)]
    [TestCase(95.0, 7500)]
    [TestCase(100.0, 10000)]
    [TestCase(140.0, 10000)]
    public void Delay_grows_from_zero_at_the_threshold_to_the_maximum_at_100_percent(double? percent, int expectedMs)
    {
        Assert.That(GraphPacing.DelayFor(percent, 80, Max), Is.EqualTo(TimeSpan.FromMilliseconds(expectedMs)));
    }

    [Test]
    public void No_delay_when_pacing_is_switched_off()
    {
        Assert.That(GraphPacing.DelayFor(99, 80, TimeSpan.Zero), Is.EqualTo(TimeSpan.Zero));
    }
}
