using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using LeadOps.Application.Leads;
using LeadOps.Domain.Leads;
using Microsoft.Extensions.DependencyInjection;

namespace LeadOps.IntegrationTests.Leads;

/// <summary>
/// The Leads page's "Created from" and "Created until" are whole days, as its date pickers show them: until a day holds
/// the leads created on that day, in the list, its count and its CSV export; a refused range is said in the form's
/// words. The API's <c>since</c> and <c>until</c> stay instants (until exclusive).
/// </summary>
public sealed partial class LeadListDaysTests(DatabaseKind database) : AppFixture(database)
{
    private TestUser _staff = null!;

    [OneTimeSetUp]
    public async Task SeedAsync()
    {
        _staff = await App.NewUserAsync();
        await using var scope = App.ScopeFor(_staff.Id);
        var leads = new[] { "2026-11-19T23:59:00Z", "2026-11-20T00:00:00Z", "2026-11-20T09:00:00Z", "2026-11-20T23:30:00Z", "2026-11-21T00:00:00Z", "2100-12-31T23:59:59Z" }
            .Select((created, i) => new Lead
            {
                FacebookLeadId = (1_700_000_000_000 + i).ToString(CultureInfo.InvariantCulture),
                PageId = "108240000000001",
                FormId = "206170000000011",
                FullName = $"Person {i}",
                Email = $"person{i}@example.test",
                CreatedTime = DateTimeOffset.Parse(created, CultureInfo.InvariantCulture),
                FirstSeenAt = DateTimeOffset.UtcNow,
                Source = LeadSource.Webhook,
            }).ToList();
        await scope.ServiceProvider.GetRequiredService<ILeadRepository>().InsertNewAsync(leads, CancellationToken.None);
    }

    [Test]
    public async Task Created_until_a_day_holds_that_days_leads_in_the_list_and_its_export()
    {
        using var browser = await App.SignedInClientAsync(_staff);

        var html = await browser.GetStringAsync("/Leads?since=2026-11-20&until=2026-11-20");

        Assert.That(ResultCount().Match(html).Groups[1].Value, Is.EqualTo("3 leads match these filters"));
        var export = WebUtility.HtmlDecode(ExportLink().Match(html).Groups[1].Value);
        var csv = await browser.GetStringAsync(export);
        Assert.That(csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1, Is.EqualTo(3), "the export holds the leads the page lists: " + export);

        var untilOnly = await browser.GetStringAsync("/Leads?until=2026-11-20");
        Assert.That(ResultCount().Match(untilOnly).Groups[1].Value, Is.EqualTo("4 leads match these filters"));
    }

    [Test]
    public async Task Created_until_the_last_allowed_day_holds_that_whole_day_in_the_list_and_its_export()
    {
        using var browser = await App.SignedInClientAsync(_staff);

        var html = await browser.GetStringAsync("/Leads?since=2100-12-31&until=2100-12-31");

        Assert.That(ResultCount().Match(html).Groups[1].Value, Is.EqualTo("1 lead matches these filters"), "the lead of the day's last second");
        var export = WebUtility.HtmlDecode(ExportLink().Match(html).Groups[1].Value);
        var csv = await browser.GetStringAsync(export);
        Assert.That(csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1, Is.EqualTo(1), "the export holds the leads the page lists: " + export);
    }

    [TestCase("since=2026-11-21&until=2026-11-20", "Created until must be on or after Created from.")]
    [TestCase("since=2026-13-40", "Created from must be a date between 2000-01-01 and 2100-12-31.")]
    [TestCase("until=yesterday", "Created until must be a date between 2000-01-01 and 2100-12-31.")]
    public async Task A_refused_range_is_said_in_the_forms_words_and_lists_nothing(string query, string message)
    {
        using var browser = await App.SignedInClientAsync(_staff);

        var response = await browser.GetAsync("/Leads?" + query);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var html = await response.Content.ReadAsStringAsync();
        Assert.That(WebUtility.HtmlDecode(FilterError().Match(html).Groups[1].Value), Is.EqualTo(message));
        Assert.That(html, Does.Not.Contain("data-test=\"leads\""));
        Assert.That(html, Does.Not.Contain("data-test=\"export-csv\""), "no export of filters that cannot be applied");
    }

    [Test]
    public async Task The_apis_until_stays_an_exclusive_instant()
    {
        using var api = App.ApiClient(_staff);

        using var body = JsonDocument.Parse(await api.GetStringAsync("/api/leads?since=2026-11-20&until=2026-11-20T09:00:00Z"));

        Assert.That(body.RootElement.GetProperty("leads").GetArrayLength(), Is.EqualTo(1));
    }

    [GeneratedRegex("data-test=\"result-count\"[^>]*>([^<]*)<")]
    private static partial Regex ResultCount();

    [GeneratedRegex("href=\"([^\"]*)\"[^>]*data-test=\"export-csv\"")]
    private static partial Regex ExportLink();

    [GeneratedRegex("data-test=\"filter-error\">([^<]*)<")]
    private static partial Regex FilterError();
}
