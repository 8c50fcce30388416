using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace LeadOps.BrowserTests;

/// <summary>
/// Every page at 390 px (a phone), signed in with a working day's data: nothing makes the page scroll sideways, and no
/// element reaches past the screen's edge. Tables are stacked rows there, and each alert banner is one line.
/// </summary>
[Category(TestCategories.Slow)]
public sealed class PhoneLayoutTests
{
    private const string Overflow = """
        () => {
            const width = document.documentElement.clientWidth;
            const wide = [...document.querySelectorAll('body *')]
                .map(e => ({ e, r: e.getBoundingClientRect() }))
                .filter(({ r }) => r.width > 0 && r.height > 0 && (r.right > width + 1 || r.left < -1))
                .map(({ e, r }) => `${e.tagName.toLowerCase()}${e.dataset.test ? '[data-test=' + e.dataset.test + ']' : ''}.${String(e.className).replace(/ /g, '.')} ${Math.round(r.left)}..${Math.round(r.right)}`);
            return JSON.stringify({ scrollWidth: document.documentElement.scrollWidth, clientWidth: width, wide: wide.slice(0, 8) });
        }
        """;

    private BrowserApp _app = null!;
    private IBrowserContext _phone = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _app = await SeededApp.StartAsync();
        _phone = await _app.NewContextAsync(390, 844, phone: true);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_phone is not null)
        {
            await _phone.DisposeAsync();
        }

        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [Test]
    public async Task No_page_scrolls_sideways_on_a_phone()
    {
        var page = await _phone.NewPageAsync();
        foreach (var path in new[] { "/Account/Login", "/Account/Register" })
        {
            await AssertFitsAsync(page, path);
        }

        await BrowserApp.SignInAsync(page);
        var (leadId, runId, conversationId, integrationId) = await IdsAsync();
        var paths = new List<string>
        {
            "/Leads", "/Leads?q=björn", "/Leads?q=nobody", "/Leads?retrieve=" + integrationId + ":*", $"/Leads/{leadId}", "/Leads/Runs", $"/Leads/Runs/{runId}",
            "/Inbox", $"/Inbox/Conversation/{conversationId}", "/Integrations", $"/Integrations/{integrationId}", $"/Integrations/{integrationId}/messaging",
            "/Audit", "/Account",
        };
        if ((await page.APIRequest.GetAsync("/Health")).Status == 200)
        {
            paths.Add("/Health");
        }

        foreach (var path in paths)
        {
            await AssertFitsAsync(page, path);
        }

        await page.GotoAsync("/Leads");
        await BrowserApp.ScreenshotAsync(page, "phone-leads");
        var firstRow = page.Locator("[data-test=leads] tbody tr").First;
        Assert.That(await firstRow.Locator("td").First.EvaluateAsync<string>("td => getComputedStyle(td).display"), Is.EqualTo("block"), "a table row is stacked on a phone");
        Assert.That(await firstRow.Locator("td[data-label=E-mail]").EvaluateAsync<string>("td => getComputedStyle(td, '::before').content"), Is.EqualTo("\"E-mail\""), "each cell is labelled with its column");
        var banner = page.Locator("[data-test=integration-alert]").First;
        var lineHeight = await banner.Locator(".alert-text").EvaluateAsync<double>("e => parseFloat(getComputedStyle(e).lineHeight)");
        Assert.That((await banner.Locator(".alert-text").BoundingBoxAsync())!.Height, Is.LessThan(lineHeight * 1.5), "an alert banner is one line on a phone");
    }

    [Test]
    public async Task On_a_tablet_the_leads_list_scrolls_inside_its_card_and_the_page_does_not_scroll_sideways()
    {
        await using var tablet = await _app.NewContextAsync(800, 1000);
        var page = await tablet.NewPageAsync();
        await BrowserApp.SignInAsync(page);
        await Assertions.Expect(page.Locator("[data-test=leads] tbody tr").First).ToBeVisibleAsync();

        using var measured = JsonDocument.Parse(await page.EvaluateAsync<string>(Overflow));
        var root = measured.RootElement;
        Assert.That(root.GetProperty("scrollWidth").GetInt32(), Is.LessThanOrEqualTo(root.GetProperty("clientWidth").GetInt32()), $"/Leads scrolls sideways at 800 px: {root}");
        var table = page.Locator("[data-test=leads]");
        Assert.That(await table.EvaluateAsync<string>("t => getComputedStyle(t.parentElement).overflowX"), Is.EqualTo("auto"), "the table scrolls within its card");
    }

    [Test]
    public async Task On_a_desktop_each_e_mail_address_in_the_leads_list_reads_on_one_line_with_the_whole_address_in_its_title()
    {
        // A name with a long word and a long phone number (as the demo has): every column must still fit at 1280 px.
        SeededApp.SubmitLead(_app, "Priya Raghunathan", "priya.raghunathan@example.in", "+971 53 355 4179");
        await SeededApp.WaitAsync(_app, async db => await db.Leads.AnyAsync(l => l.FullName == "Priya Raghunathan"), "the lead with a long name");
        await using var desktop = await _app.NewContextAsync(1280, 900);
        var page = await desktop.NewPageAsync();
        await BrowserApp.SignInAsync(page);
        var cells = page.Locator("[data-test=leads] tbody td[data-label=E-mail]");
        await Assertions.Expect(cells.First).ToBeVisibleAsync();

        foreach (var (_, email, _) in SeededApp.People)
        {
            var cell = cells.Filter(new() { HasText = email });
            var lines = await cell.EvaluateAsync<int>("""
                td => {
                    const texts = document.createTreeWalker(td, NodeFilter.SHOW_TEXT);
                    const tops = new Set();
                    for (let node = texts.nextNode(); node; node = texts.nextNode()) {
                        const text = document.createRange();
                        text.selectNodeContents(node);
                        [...text.getClientRects()].filter(r => r.width > 0).forEach(r => tops.add(Math.round(r.top)));
                    }
                    return tops.size;
                }
                """);
            Assert.That(lines, Is.EqualTo(1), $"{email} is broken over {lines} lines at 1280 px");
            Assert.That(await cell.EvaluateAsync<string?>("td => td.querySelector('[title]')?.title ?? null"), Is.EqualTo(email), "the whole address is in the title");
        }

        var table = page.Locator("[data-test=leads]");
        Assert.That(await table.EvaluateAsync<bool>("t => t.parentElement.scrollWidth <= t.parentElement.clientWidth"), Is.True, "every column fits the card at 1280 px: " + await table.EvaluateAsync<string>("t => t.parentElement.scrollWidth + '/' + t.parentElement.clientWidth + ' ' + [...t.querySelectorAll('thead th')].map(th => th.textContent.trim() + '=' + Math.round(th.getBoundingClientRect().width)).join(' ')"));
        await BrowserApp.ScreenshotAsync(page, "desktop-leads");
    }

    [Test]
    public async Task Every_kind_of_banner_is_one_line_on_a_phone()
    {
        // A webhook endpoint paused after repeated failure (its banner shows on every page) with a long address, beside
        // the expiring page's integration alert the seeded app already has.
        await using (var scope = _app.App.ScopeFor(TestApp.AdminUserId))
        {
            var db = _app.App.Db(scope);
            var endpoint = LeadOps.Domain.Outgoing.WebhookEndpoint.Register(
                "https://hooks.example.com/services/T0123456/B0123456/a-rather-long-path-that-cannot-fit-on-a-phone", null,
                [LeadOps.Domain.Outgoing.OutgoingEventNames.LeadCreated], "not-used-here", DateTimeOffset.UtcNow);
            endpoint.RecordFailure(1, DateTimeOffset.UtcNow);
            db.Add(endpoint);
            await db.SaveChangesAsync();
        }

        var page = await _phone.NewPageAsync();
        await BrowserApp.SignInAsync(page);
        foreach (var path in new[] { "/Leads", "/Inbox", "/Integrations", "/Audit" })
        {
            await page.GotoAsync(path);
            var banners = page.Locator("main [role=alert]:is([data-test=integration-alert], [data-test=paused-webhooks-banner])");
            await Assertions.Expect(page.Locator("[data-test=paused-webhooks-banner]")).ToBeVisibleAsync();
            var kinds = await banners.EvaluateAllAsync<string[]>("bs => bs.map(b => b.dataset.test)");
            foreach (var (kind, index) in kinds.Select((k, i) => (k, i)))
            {
                // The banner's content height in lines of its text (a small button beside the line counts as one line).
                var lines = await banners.Nth(index).EvaluateAsync<double>("""
                    b => {
                        const s = getComputedStyle(b);
                        const inner = b.getBoundingClientRect().height - parseFloat(s.paddingTop) - parseFloat(s.paddingBottom) - parseFloat(s.borderTopWidth) - parseFloat(s.borderBottomWidth);
                        return inner / parseFloat(s.lineHeight);
                    }
                    """);
                Assert.That(lines, Is.LessThan(2), $"{path}: the {kind} banner takes {lines:0.0} lines");
                Assert.That(await banners.Nth(index).GetAttributeAsync("title"), Is.Not.Empty, $"{path}: the {kind} banner keeps its whole text in its title");
            }

            Assert.That(kinds, Does.Contain("paused-webhooks-banner"));
            if (path is "/Leads" or "/Inbox")
            {
                Assert.That(kinds, Does.Contain("integration-alert"), path);
            }
        }

        await page.GotoAsync("/Leads");
        await BrowserApp.ScreenshotAsync(page, "phone-banners");
    }

    private static async Task AssertFitsAsync(IPage page, string path)
    {
        var response = await page.GotoAsync(path);
        Assert.That(response?.Status, Is.EqualTo(200), path);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        using var measured = JsonDocument.Parse(await page.EvaluateAsync<string>(Overflow));
        var root = measured.RootElement;
        Assert.That(root.GetProperty("scrollWidth").GetInt32(), Is.LessThanOrEqualTo(root.GetProperty("clientWidth").GetInt32()), $"{path} scrolls sideways: {root}");
        Assert.That(root.GetProperty("wide").GetArrayLength(), Is.Zero, $"{path} has elements past the screen's edge: {root}");
    }

    private async Task<(long Lead, long Run, Guid Conversation, int Integration)> IdsAsync()
    {
        await using var scope = _app.App.ScopeFor(TestApp.AdminUserId);
        var db = _app.App.Db(scope);
        var lead = await db.Leads.Where(l => l.FullName == "Björn Ångström").Select(l => l.Id).SingleAsync();
        var run = await db.RetrievalRuns.Select(r => r.Id).FirstAsync();
        var conversation = await db.Conversations.Where(c => c.Psid == SeededApp.Psid).Select(c => c.Id).SingleAsync();
        var integration = await db.Integrations.Where(i => i.PageId == LeadOps.GraphSandbox.SandboxSeed.MainPageId).Select(i => i.Id).SingleAsync();
        return (lead, run, conversation, integration);
    }
}
