using LeadOps.Infrastructure.Graph;

namespace LeadOps.UnitTests.Graph;

/// <summary>ISO times as software other than Graph writes them, in payloads kept by integrators: read, never taken for no time.</summary>
public sealed class GraphTimeWrittenElsewhereTests
{
    [TestCase("2025-01-02T10:10:10", "2025-01-02T10:10:10+00:00", TestName = "No_offset_is_read_as_utc")]
    [TestCase("2025-01-02T10:10:10.250", "2025-01-02T10:10:10.25+00:00", TestName = "No_offset_with_a_fraction_is_read_as_utc")]
    [TestCase("2024-11-13T21:51:50.898782695Z", "2024-11-13T21:51:50.8987826+00:00", TestName = "Nanoseconds_are_cut_to_ticks")]
    [TestCase("2024-11-13T21:51:50.898782695+0000", "2024-11-13T21:51:50.8987826+00:00", TestName = "Nanoseconds_with_graphs_offset")]
    public void Reads(string raw, string expected)
    {
        Assert.That(GraphTime.TryParse(raw, out var parsed), Is.True);
        Assert.That(parsed, Is.EqualTo(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture)));
    }
}
