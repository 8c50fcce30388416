using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using LeadOps.Application.Leads;
using LeadOps.Domain.Leads;
using LeadOps.Domain.Leads.Stages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LeadOps.IntegrationTests.Stages;

/// <summary>
/// A lead's page shows the newest 200 notes and stage history rows; when more are kept
/// it says so and links to the older ones (and from there back to the newest); a link it did not give shows the newest.
/// </summary>
public sealed partial class LeadWorkspacePagingTests(DatabaseKind database) : AppFixture(database)
{
    /// <summary>How many notes, and history rows, the page shows at once (<c>LeadWorkspace.PageSize</c>).</summary>
    private const int PageSize = 200;

    [Test]
    public async Task Notes_past_one_page_are_said_and_the_older_ones_are_a_link_away()
    {
        var staff = await App.NewUserAsync();
        var leadId = await AddLeadAsync(staff);
        var total = PageSize + 3;
        await using (var scope = App.ScopeFor(staff.Id))
        {
            var db = App.Db(scope);
            var at = DateTimeOffset.Parse("2026-11-20T10:00:00Z", CultureInfo.InvariantCulture);
            db.AddRange(Enumerable.Range(0, total).Select(i => LeadNote.Write(leadId, $"Note number {i}", staff.Id, at.AddMinutes(i))));
            await db.SaveChangesAsync();
        }

        using var browser = await App.SignedInClientAsync(staff);
        var first = await browser.GetStringAsync($"/Leads/{leadId}");
        Assert.That(Notes(first), Has.Count.EqualTo(PageSize));
        Assert.That(Notes(first)[0], Is.EqualTo($"Note number {total - 1}"), "newest first");
        Assert.That(first, Does.Contain("data-test=\"more-notes\""), "the page says that there are more");
        var older = Link(first, "show-older-notes");
        Assert.That(older, Does.Contain("notes_before="));

        var second = await browser.GetStringAsync(older);
        Assert.That(Notes(second), Is.EqualTo(new[] { "Note number 2", "Note number 1", "Note number 0" }));
        Assert.That(second, Does.Not.Contain("data-test=\"show-older-notes\""), "nothing older is kept");
        Assert.That(Notes(await browser.GetStringAsync(Link(second, "newest-notes"))), Has.Count.EqualTo(PageSize));
    }

    [Test]
    public async Task Stage_history_past_one_page_is_said_and_the_older_rows_are_a_link_away()
    {
        var staff = await App.NewUserAsync();
        var leadId = await AddLeadAsync(staff);
        int kept;
        await using (var scope = App.ScopeFor(staff.Id))
        {
            var db = App.Db(scope);
            var lead = await db.Leads.SingleAsync(l => l.Id == leadId);
            var at = DateTimeOffset.Parse("2026-11-20T10:00:00Z", CultureInfo.InvariantCulture);
            db.AddRange(Enumerable.Range(0, PageSize + 1).Select(i =>
                LeadStageChange.Entered(lead, i % 2 == 0 ? "new" : "contacted", null, i % 2 == 0 ? "contacted" : "new", null, staff.Id, at.AddMinutes(i))));
            await db.SaveChangesAsync();
            kept = await db.LeadStageChanges.CountAsync(c => c.LeadId == leadId);
        }

        using var browser = await App.SignedInClientAsync(staff);
        var first = await browser.GetStringAsync($"/Leads/{leadId}");
        Assert.That(HistoryRows(first), Is.EqualTo(PageSize));
        Assert.That(first, Does.Contain("data-test=\"more-history\""));

        var second = await browser.GetStringAsync(Link(first, "show-older-history"));
        Assert.That(HistoryRows(second), Is.EqualTo(kept - PageSize));
        Assert.That(second, Does.Contain("data-test=\"newest-history\""));
        Assert.That(Notes(second), Is.Empty);
    }

    [TestCase("abc")]
    [TestCase("-5")]
    [TestCase("99999999999999999999999")]
    public async Task A_link_the_page_did_not_give_shows_the_newest_and_says_so(string before)
    {
        var staff = await App.NewUserAsync();
        var leadId = await AddLeadAsync(staff);
        await using (var scope = App.ScopeFor(staff.Id))
        {
            App.Db(scope).Add(LeadNote.Write(leadId, "The newest note", staff.Id, DateTimeOffset.UtcNow));
            await App.Db(scope).SaveChangesAsync();
        }

        using var browser = await App.SignedInClientAsync(staff);

        var response = await browser.GetAsync($"/Leads/{leadId}?notes_before={Uri.EscapeDataString(before)}&history_before={Uri.EscapeDataString(before)}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var html = await response.Content.ReadAsStringAsync();
        Assert.That(html, Does.Contain("data-test=\"paging-error\""));
        Assert.That(Notes(html), Is.EqualTo(new[] { "The newest note" }));
    }

    private async Task<long> AddLeadAsync(TestUser staff)
    {
        await using var scope = App.ScopeFor(staff.Id);
        var lead = new Lead
        {
            FacebookLeadId = Random.Shared.NextInt64(1_000_000_000_000, 9_999_999_999_999).ToString(CultureInfo.InvariantCulture),
            PageId = "108240000000001",
            FormId = "206170000000011",
            FullName = "Nuno Notas",
            CreatedTime = DateTimeOffset.UtcNow,
            FirstSeenAt = DateTimeOffset.UtcNow,
            Source = LeadSource.Webhook,
        };
        var inserted = await scope.ServiceProvider.GetRequiredService<ILeadRepository>().InsertNewAsync([lead], CancellationToken.None);
        Assert.That(inserted, Has.Count.EqualTo(1));
        return lead.Id;
    }

    private static List<string> Notes(string html) =>
        [.. NoteText().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))];

    private static int HistoryRows(string html)
    {
        var list = HistoryList().Match(html);
        Assert.That(list.Success, Is.True, "the stage history");
        return Regex.Count(list.Groups[1].Value, "<li ");
    }

    private static string Link(string html, string test)
    {
        var tag = Regex.Match(html, $"<a [^>]*data-test=\"{test}\"[^>]*>");
        Assert.That(tag.Success, Is.True, test);
        return WebUtility.HtmlDecode(Regex.Match(tag.Value, "href=\"([^\"]*)\"").Groups[1].Value);
    }

    [GeneratedRegex("data-test=\"note\">\\s*<div class=\"text-prewrap\">([^<]*)</div>")]
    private static partial Regex NoteText();

    [GeneratedRegex("data-test=\"stage-history\">(.*?)</ul>", RegexOptions.Singleline)]
    private static partial Regex HistoryList();
}
