using LeadOps.Infrastructure.Graph;

namespace LeadOps.UnitTests.Graph;

public sealed class GraphTimeTests
{
    [TestCase("2026-11-20T10:15:00+0000", "2026-11-20T10:15:00+00:00", TestName = "Offset_without_colon_as_graph_sends_it")]
    [TestCase("2026-11-20T10:15:00-0300", "2026-11-20T10:15:00-03:00", TestName = "Negative_offset_without_colon")]
    [TestCase("2026-11-20T10:15:00+05:30", "2026-11-20T10:15:00+05:30", TestName = "Offset_with_colon")]
    [TestCase("2026-11-20T10:15:00Z", "2026-11-20T10:15:00+00:00", TestName = "Utc_designator")]
    [TestCase("2026-11-20T10:15:00.123+0000", "2026-11-20T10:15:00.123+00:00", TestName = "Fractional_seconds")]
    [TestCase("1440120384", "2015-08-21T01:26:24+00:00", TestName = "Unix_seconds_as_webhooks_send_them")]
    [TestCase("2025-01-02T10:10:10", "2025-01-02T10:10:10+00:00", TestName = "No_offset_as_other_software_writes_it_is_read_as_utc")]
    [TestCase("2025-01-02T10:10:10.250", "2025-01-02T10:10:10.25+00:00", TestName = "No_offset_with_a_fraction_is_read_as_utc")]
    [TestCase("2024-11-13T21:51:50.898782695Z", "2024-11-13T21:51:50.8987826+00:00", TestName = "Nanoseconds_are_cut_to_ticks")]
    [TestCase("2024-11-13T21:51:50.898782695+0000", "2024-11-13T21:51:50.8987826+00:00", TestName = "Nanoseconds_with_graphs_offset")]
    public void Parses_created_time(string raw, string expected)
    {
        var ok = GraphTime.TryParse(raw, out var parsed);

        Assert.Multiple(() =>
        {
            Assert.That(ok, Is.True);
            Assert.That(parsed, Is.EqualTo(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(parsed.Offset, Is.EqualTo(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture).Offset));
        });
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("yesterday")]
    [TestCase("2026-13-45T10:15:00+0000")]
    [TestCase("2026-11-20 10:15")]
    [TestCase("-5")]
    public void Rejects_what_is_not_a_graph_time(string? raw)
    {
        Assert.That(GraphTime.TryParse(raw, out _), Is.False);
    }

    [Test]
    public void Ceiling_rounds_part_seconds_up_and_keeps_whole_seconds()
    {
        var whole = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);

        Assert.Multiple(() =>
        {
            Assert.That(GraphTime.ToUnixSecondsCeiling(whole), Is.EqualTo(1_800_000_000));
            Assert.That(GraphTime.ToUnixSecondsCeiling(whole.AddMilliseconds(1)), Is.EqualTo(1_800_000_001));
            Assert.That(GraphTime.ToUnixSecondsFloor(whole.AddMilliseconds(999)), Is.EqualTo(1_800_000_000));
        });
    }
}
