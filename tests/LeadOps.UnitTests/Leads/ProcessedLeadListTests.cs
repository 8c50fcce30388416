using LeadOps.Application.Leads;

namespace LeadOps.UnitTests.Leads;

public sealed class ProcessedLeadListTests
{
    [Test]
    public void Every_result_reads_back_as_it_was_added_in_order()
    {
        var list = new ProcessedLeadList();
        list.Add("1500000000000001", ProcessedLeadStatus.Created, 7, "Ana Lúcia");
        list.Add("0042", ProcessedLeadStatus.Existing, 8, null);
        list.Add("lead_abc", ProcessedLeadStatus.Failed, null, null, "created_time could not be read");
        list.Add("12345678901234567890123", ProcessedLeadStatus.Existing, null, null);
        list.Add("-5", ProcessedLeadStatus.Created, 9, "نور");

        Assert.That(list, Is.EqualTo(new[]
        {
            new ProcessedLead("1500000000000001", ProcessedLeadStatus.Created, 7, "Ana Lúcia"),
            new ProcessedLead("0042", ProcessedLeadStatus.Existing, 8, null),
            new ProcessedLead("lead_abc", ProcessedLeadStatus.Failed, null, null, "created_time could not be read"),
            new ProcessedLead("12345678901234567890123", ProcessedLeadStatus.Existing, null, null),
            new ProcessedLead("-5", ProcessedLeadStatus.Created, 9, "نور"),
        }));
        Assert.That(list, Has.Count.EqualTo(5));
        Assert.That(list[2].Error, Is.EqualTo("created_time could not be read"));
    }

    [Test]
    public void Contains_tells_a_handled_id_from_one_that_only_looks_alike()
    {
        var list = new ProcessedLeadList();
        list.Add("1500000000000001", ProcessedLeadStatus.Created, 7, null);
        list.Add("0042", ProcessedLeadStatus.Existing, 8, null);

        Assert.Multiple(() =>
        {
            Assert.That(list.Contains("1500000000000001"), Is.True);
            Assert.That(list.Contains("0042"), Is.True);
            Assert.That(list.Contains("42"), Is.False, "42 is not 0042");
            Assert.That(list.Contains("01500000000000001"), Is.False);
            Assert.That(list.Contains("1500000000000002"), Is.False);
            Assert.That(list.Contains(null), Is.False);
            Assert.That(list.Contains(string.Empty), Is.False);
        });
    }
}
