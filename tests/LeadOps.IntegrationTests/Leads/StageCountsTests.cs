using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using LeadOps.Application.Leads;
using LeadOps.Application.Leads.Stages.Commands;
using LeadOps.Domain.Leads;
using Microsoft.Extensions.DependencyInjection;

namespace LeadOps.IntegrationTests.Leads;

/// <summary>
/// The Leads page's count of leads in each stage follows the list's other filters (form, search, dates), whatever stage
/// the list shows, and comes with the list when the page's live region re-renders it (<c>?handler=List</c>).
/// </summary>
public sealed partial class StageCountsTests(DatabaseKind database) : AppFixture(database)
{
    private const string FormA = "206170000000101";
    private const string FormB = "206170000000202";

    [Test]
    public async Task A_form_filter_counts_that_forms_leads_in_each_stage()
    {
        var staff = await App.NewUserAsync();
        var a = await AddLeadsAsync(staff, FormA, "Ana", 3, DateTimeOffset.Parse("2026-11-20T10:00:00Z", CultureInfo.InvariantCulture));
        await AddLeadsAsync(staff, FormB, "Bruno", 4, DateTimeOffset.Parse("2026-11-20T10:00:00Z", CultureInfo.InvariantCulture));
        var moved = await App.SendAsync(staff.Id, new ChangeLeadStage([a[0]], "qualified"));
        Assert.That(moved.Value, Is.EqualTo(1), moved.Error);
        using var browser = await App.SignedInClientAsync(staff);

        var all = Counts(await browser.GetStringAsync("/Leads"));
        var formA = Counts(await browser.GetStringAsync($"/Leads?form_id={FormA}"));
        var formAInStage = Counts(await browser.GetStringAsync($"/Leads?form_id={FormA}&stage=qualified"));

        Assert.Multiple(() =>
        {
            Assert.That(all["new"], Is.EqualTo(6));
            Assert.That(all["qualified"], Is.EqualTo(1));
            Assert.That(formA["new"], Is.EqualTo(2), "the form's leads only, as the list shows them");
            Assert.That(formA["qualified"], Is.EqualTo(1));
            Assert.That(formA["lost"], Is.Zero);
            Assert.That(formAInStage["new"], Is.EqualTo(2), "the other stages still count the form's leads while one stage is shown");
            Assert.That(formAInStage["qualified"], Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_search_and_dates_count_the_leads_they_find()
    {
        var staff = await App.NewUserAsync();
        await AddLeadsAsync(staff, FormA, "Carla", 2, DateTimeOffset.Parse("2026-11-19T10:00:00Z", CultureInfo.InvariantCulture));
        await AddLeadsAsync(staff, FormA, "Duarte", 3, DateTimeOffset.Parse("2026-11-21T10:00:00Z", CultureInfo.InvariantCulture));
        using var browser = await App.SignedInClientAsync(staff);

        var searched = Counts(await browser.GetStringAsync("/Leads?q=carla"));
        var dated = Counts(await browser.GetStringAsync("/Leads?since=2026-11-21&until=2026-11-21"));

        Assert.That(searched["new"], Is.EqualTo(2));
        Assert.That(dated["new"], Is.EqualTo(3));
    }

    [Test]
    public async Task The_live_regions_refresh_brings_the_counts_of_the_same_filters()
    {
        var staff = await App.NewUserAsync();
        await AddLeadsAsync(staff, FormA, "Eva", 1, DateTimeOffset.Parse("2026-11-20T10:00:00Z", CultureInfo.InvariantCulture));
        await AddLeadsAsync(staff, FormB, "Filipe", 2, DateTimeOffset.Parse("2026-11-20T10:00:00Z", CultureInfo.InvariantCulture));
        using var browser = await App.SignedInClientAsync(staff);
        var page = await browser.GetStringAsync($"/Leads?form_id={FormA}");
        var live = WebUtility.HtmlDecode(LiveUrl().Match(page).Groups[1].Value);
        Assert.That(live, Does.Contain("handler=List"));

        await AddLeadsAsync(staff, FormA, "Eva Nova", 1, DateTimeOffset.Parse("2026-11-22T10:00:00Z", CultureInfo.InvariantCulture));
        var refreshed = await browser.GetStringAsync(live);

        Assert.That(Counts(refreshed)["new"], Is.EqualTo(2), "the form's two leads, counted again with the list");
        Assert.That(StageLinks().Matches(refreshed).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)), Is.Not.Empty.And.All.Not.Contain("handler"),
            "the stage links of the refreshed region are the page's own");
    }

    private async Task<List<long>> AddLeadsAsync(TestUser staff, string formId, string name, int count, DateTimeOffset created)
    {
        await using var scope = App.ScopeFor(staff.Id);
        var leads = Enumerable.Range(0, count).Select(i => new Lead
        {
            FacebookLeadId = Random.Shared.NextInt64(1_000_000_000_000, 9_999_999_999_999).ToString(CultureInfo.InvariantCulture),
            PageId = "108240000000001",
            FormId = formId,
            FullName = $"{name} {i}",
            Email = $"{name.Replace(' ', '.').ToLowerInvariant()}{i}@example.test",
            CreatedTime = created.AddMinutes(i),
            FirstSeenAt = DateTimeOffset.UtcNow,
            Source = LeadSource.Webhook,
        }).ToList();
        var inserted = await scope.ServiceProvider.GetRequiredService<ILeadRepository>().InsertNewAsync(leads, CancellationToken.None);
        Assert.That(inserted, Has.Count.EqualTo(count));
        return [.. leads.Select(l => l.Id)];
    }

    private static Dictionary<string, int> Counts(string html)
    {
        var counts = StageCount().Matches(html).ToDictionary(m => m.Groups[1].Value, m => int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
        Assert.That(counts.Keys, Is.SupersetOf(new[] { "new", "qualified", "lost" }), "the stage bar with its counts");
        return counts;
    }

    [GeneratedRegex("data-stage=\"([^\"]+)\"[^>]*>[^<]*<span[^>]*data-test=\"stage-count\">(\\d+)</span>")]
    private static partial Regex StageCount();

    [GeneratedRegex("data-leads-live=\"([^\"]*)\"")]
    private static partial Regex LiveUrl();

    [GeneratedRegex("href=\"([^\"]*)\"[^>]*data-test=\"stage-filter\"")]
    private static partial Regex StageLinks();
}
