using LeadOps.Infrastructure.Graph;

namespace LeadOps.UnitTests.Graph;

public sealed class GraphLeadFilterTests
{
    private static readonly DateTimeOffset Since = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);

    [Test]
    public void No_bounds_means_no_filter()
    {
        Assert.That(GraphLeadFilter.Build(null, null), Is.Null);
    }

    [Test]
    public void Since_becomes_an_inclusive_greater_than_on_time_created()
    {
        Assert.That(
            GraphLeadFilter.Build(Since, null),
            Is.EqualTo("""[{"field":"time_created","operator":"GREATER_THAN","value":1799999999}]"""));
    }

    [Test]
    public void Until_adds_a_less_than_on_time_created()
    {
        Assert.That(
            GraphLeadFilter.Build(Since, Since.AddHours(1)),
            Is.EqualTo("""[{"field":"time_created","operator":"GREATER_THAN","value":1799999999},{"field":"time_created","operator":"LESS_THAN","value":1800003600}]"""));
    }
}
