using LeadOps.Infrastructure.Graph;

namespace LeadOps.UnitTests.Graph;

public sealed class GraphUsageParserTests
{
    [Test]
    public void Reads_app_usage()
    {
        var usage = GraphUsageParser.Parse("""{"call_count":28,"total_time":25,"total_cputime":12}""", null, null);

        Assert.Multiple(() =>
        {
            Assert.That(usage.App, Is.EqualTo(new GraphUsageCounters(28, 25, 12)));
            Assert.That(usage.MaxPercent, Is.EqualTo(28));
        });
    }

    [Test]
    public void Reads_page_usage_with_the_same_keys()
    {
        var usage = GraphUsageParser.Parse(null, """{"call_count":91,"total_time":3,"total_cputime":4}""", null);

        Assert.That(usage.Page, Is.EqualTo(new GraphUsageCounters(91, 3, 4)));
    }

    [Test]
    public void Reads_business_use_case_usage_with_its_wait_in_minutes()
    {
        var usage = GraphUsageParser.Parse(null, null, """
            {"111":[{"type":"pages","call_count":97,"total_cputime":23,"total_time":23,"estimated_time_to_regain_access":0}],
             "222":[{"type":"leadgen","call_count":100,"total_cputime":5,"total_time":6,"estimated_time_to_regain_access":7}]}
            """);

        Assert.Multiple(() =>
        {
            Assert.That(usage.BusinessUseCases, Has.Count.EqualTo(2));
            Assert.That(usage.BusinessUseCases[0], Is.EqualTo(new GraphBusinessUseCaseUsage("111", "pages", 97, 23, 23, null)));
            Assert.That(usage.BusinessUseCases[1], Is.EqualTo(new GraphBusinessUseCaseUsage("222", "leadgen", 100, 6, 5, TimeSpan.FromMinutes(7))));
            Assert.That(usage.LongestTimeToRegainAccess, Is.EqualTo(TimeSpan.FromMinutes(7)));
            Assert.That(usage.MaxPercent, Is.EqualTo(100));
        });
    }

    [Test]
    public void Accepts_numbers_sent_as_strings_and_a_single_object_instead_of_an_array()
    {
        var usage = GraphUsageParser.Parse("""{"call_count":"42"}""", null, """{"333":{"type":"messenger","call_count":"12.5"}}""");

        Assert.Multiple(() =>
        {
            Assert.That(usage.App, Is.EqualTo(new GraphUsageCounters(42, null, null)));
            Assert.That(usage.BusinessUseCases.Single().CallCount, Is.EqualTo(12.5));
        });
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("not json")]
    [TestCase("[1,2,3]")]
    [TestCase("{\"call_count\":\"lots\"}")]
    [TestCase("{\"call_count\":-5}")]
    [TestCase("{\"unrelated\":1}")]
    public void Absent_or_garbage_headers_read_as_no_usage(string? header)
    {
        var usage = GraphUsageParser.Parse(header, header, header);

        Assert.Multiple(() =>
        {
            Assert.That(usage.IsEmpty, Is.True);
            Assert.That(usage.MaxPercent, Is.Null);
            Assert.That(usage.LongestTimeToRegainAccess, Is.Null);
        });
    }

    [Test]
    public void One_bad_header_does_not_hide_the_good_ones()
    {
        var usage = GraphUsageParser.Parse("{broken", """{"call_count":50}""", "null");

        Assert.Multiple(() =>
        {
            Assert.That(usage.App, Is.Null);
            Assert.That(usage.Page?.CallCount, Is.EqualTo(50));
            Assert.That(usage.BusinessUseCases, Is.Empty);
        });
    }

    [Test]
    public void Reads_the_headers_of_a_response()
    {
        using var response = new HttpResponseMessage();
        response.Headers.TryAddWithoutValidation("X-App-Usage", """{"call_count":81,"total_time":1,"total_cputime":1}""");
        response.Headers.TryAddWithoutValidation("x-business-use-case-usage", """{"9":[{"type":"pages","call_count":3}]}""");

        var usage = GraphUsageParser.Parse(response.Headers);

        Assert.Multiple(() =>
        {
            Assert.That(usage.App?.CallCount, Is.EqualTo(81));
            Assert.That(usage.BusinessUseCases.Single().Id, Is.EqualTo("9"));
        });
    }
}
