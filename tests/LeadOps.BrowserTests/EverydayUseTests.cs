using System.Text.RegularExpressions;
using LeadOps.GraphSandbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace LeadOps.BrowserTests;

/// <summary>
/// The everyday journeys of issue 17 in Chromium: finding leads (case and accents ignored, a count, clear filters, "no
/// match" told from "no leads", the page of each lead, labelled dates, new leads live), the retrieve panel (one grouped
/// choice, every form of a page), a lead's page (questions and answers, mailto/tel, the welcome e-mail previewed),
/// Post/Redirect/Get (a reload repeats nothing, a new key shown once) and messages that match the situation.
/// </summary>
[Category(TestCategories.Slow)]
public sealed class EverydayUseTests
{
    private BrowserApp _app = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _app = await SeededApp.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [Test]
    public async Task Search_ignores_case_and_accents_counts_and_clears_and_says_when_nothing_matches()
    {
        var page = await SignedInAsync();

        foreach (var search in new[] { "björn", "Björn", "BJORN", "Bjorn" })
        {
            await page.GetByLabel("Search").FillAsync(search);
            await page.Locator("[data-test=filter]").ClickAsync();
            await Assertions.Expect(page.Locator("[data-test=result-count]")).ToHaveTextAsync("3 leads match these filters");
            await Assertions.Expect(page.Locator("[data-test=leads] tbody tr")).ToHaveCountAsync(3);
        }

        await page.GetByLabel("Search").FillAsync("+46 70 123");
        await page.Locator("[data-test=filter]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-test=leads] tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-test=leads] tbody tr").First).ToContainTextAsync("Björn Ångström");
        await Assertions.Expect(page.Locator("[data-test=lead-page]").First).ToHaveTextAsync(SeededApp.PageName);

        await page.Locator("[data-test=clear-filters]").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Leads$"));
        await Assertions.Expect(page.GetByLabel("Search")).ToHaveValueAsync(string.Empty);
        await Assertions.Expect(page.Locator("[data-test=result-count]")).ToHaveTextAsync(new Regex(@"^\d+ leads$"));

        await page.GetByLabel("Created from").FillAsync("2000-01-01");
        await page.GetByLabel("Created until").FillAsync("2000-01-02");
        await page.Locator("[data-test=filter]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-test=empty-state]")).ToHaveAttributeAsync("data-empty", "no-match");
        await Assertions.Expect(page.Locator("[data-test=empty-state]")).ToContainTextAsync("No leads match these filters.");
        await Assertions.Expect(page.Locator("[data-test=empty-state]")).Not.ToContainTextAsync("No leads yet");
        await page.Locator("[data-test=empty-clear-filters]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-test=leads]")).ToBeVisibleAsync();
    }

    [Test]
    public async Task A_new_lead_appears_in_the_open_list_without_a_reload()
    {
        var page = await SignedInAsync();
        await Assertions.Expect(page.Locator("[data-leads-live]")).ToHaveAttributeAsync("data-live-state", "connected");
        var before = await page.Locator("[data-test=leads] tbody tr").CountAsync();

        SeededApp.SubmitLead(_app, "Zoë Live", "zoe.live@example.test", "+351 912 000 111");

        await Assertions.Expect(page.Locator("[data-test=leads] tbody tr").First).ToContainTextAsync("Zoë Live", new() { Timeout = BrowserApp.Patience });
        await Assertions.Expect(page.Locator("[data-test=leads] tbody tr")).ToHaveCountAsync(before + 1);
    }

    [Test]
    public async Task The_retrieve_panel_offers_each_form_once_under_its_page_and_every_form_of_a_page()
    {
        var page = await SignedInAsync();
        await page.Locator("[data-test=open-retrieve]").ClickAsync();
        var choice = page.Locator("[data-test=retrieve-form]");
        var group = choice.Locator($"optgroup[label='{SeededApp.PageName}']");
        await Assertions.Expect(group.Locator("option")).ToHaveCountAsync(4, new() { Timeout = BrowserApp.Patience });
        var labels = await group.Locator("option").AllTextContentsAsync();
        Assert.That(labels.Count(l => l.StartsWith("Service", StringComparison.Ordinal)), Is.EqualTo(1), string.Join(" | ", labels));
        Assert.That(await page.Locator("select[name='Retrieve.IntegrationId']").CountAsync(), Is.Zero, "no second drop-down to get wrong");
        var filterLabels = await page.Locator("[data-test=filter-form] option").AllTextContentsAsync();
        Assert.That(filterLabels.Where(l => l.Length > 0 && l != "All forms"), Is.Unique.And.All.Contain(" · "), "each form once, with its page");

        var all = group.Locator("option[data-all-forms=true]");
        await choice.SelectOptionAsync((await all.GetAttributeAsync("value"))!);
        await page.Locator("[data-test=retrieve-submit]").ClickAsync();

        await page.WaitForURLAsync("**/Leads/Runs");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Retrieving every form of the page in the background");
        await Assertions.Expect(page.Locator("[data-test=run-page]").First).ToHaveTextAsync(SeededApp.PageName);
    }

    [Test]
    public async Task A_leads_page_shows_questions_and_answers_links_and_the_welcome_email_it_received()
    {
        var page = await SignedInAsync();
        await page.GetByLabel("Search").FillAsync("ångström");
        await page.Locator("[data-test=filter]").ClickAsync();
        await page.Locator("[data-test=leads] tbody tr a").First.ClickAsync();

        var answers = page.Locator("[data-test=answers]");
        await Assertions.Expect(answers).ToContainTextAsync("Which bike are you interested in?");
        await Assertions.Expect(answers).ToContainTextAsync("Trail X9");
        await Assertions.Expect(answers).ToContainTextAsync("Weekend trips");
        await Assertions.Expect(answers).Not.ToContainTextAsync("trail_x9");
        await Assertions.Expect(page.Locator("[data-test=lead-mailto]")).ToHaveAttributeAsync("href", "mailto:bjorn.angstrom@example.se");
        await Assertions.Expect(page.Locator("[data-test=lead-tel]")).ToHaveAttributeAsync("href", "tel:+46701234567");

        // The welcome e-mail is written by the outbox worker shortly after the lead arrived.
        var preview = page.Locator("[data-test=welcome-preview]");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!await preview.IsVisibleAsync())
        {
            Assert.That(timeout.IsCancellationRequested, Is.False, "the welcome e-mail was never stored");
            await Task.Delay(250);
            await page.ReloadAsync();
        }

        await Assertions.Expect(page.Locator("[data-test=welcome-preview-body]")).ToContainTextAsync("Björn");
        await Assertions.Expect(page.Locator("[data-test=welcome-preview] iframe, [data-test=welcome-preview] script")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-test=welcome-eml]")).ToBeVisibleAsync();
    }

    [Test]
    public async Task A_new_api_key_is_shown_once_with_a_copy_button_and_a_reload_creates_no_second_key()
    {
        var page = await SignedInAsync();
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await page.Locator("[data-nav=account]").ClickAsync();
        await page.Locator("[data-test=key-name]").FillAsync("Zapier");
        await page.Locator("[data-test=create-key]").ClickAsync();

        var key = page.Locator("[data-test=new-api-key-value]");
        await Assertions.Expect(key).ToBeVisibleAsync();
        Assert.That(page.Url, Does.Not.Contain("handler="), "the key is shown by the GET after the post");
        await page.Locator("[data-test=copy-api-key]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-test=copy-api-key]")).ToHaveTextAsync("Copied");
        Assert.That(await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"), Is.EqualTo(await key.TextContentAsync()));

        await page.ReloadAsync();

        await Assertions.Expect(page.Locator("[data-test=new-api-key]")).ToHaveCountAsync(0);
        Assert.That(await KeyCountAsync("Zapier"), Is.EqualTo(1));
    }

    [Test]
    public async Task Retrieving_with_until_before_from_says_so_in_the_panels_words_and_keeps_the_dates()
    {
        var page = await SignedInAsync();
        await page.Locator("[data-test=open-retrieve]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-test=retrieve-form] option").First).ToBeAttachedAsync(new() { Timeout = BrowserApp.Patience });
        await page.GetByLabel("From (optional)").FillAsync("2026-03-10");
        await page.GetByLabel("Until (optional)").FillAsync("2026-03-01");
        await page.Locator("[data-test=retrieve-submit]").ClickAsync();

        await Assertions.Expect(page.Locator("#retrieve")).ToContainTextAsync("Until must be on or after From.");
        await Assertions.Expect(page.Locator("#retrieve")).Not.ToContainTextAsync("since");
        await Assertions.Expect(page.GetByLabel("From (optional)")).ToHaveValueAsync("2026-03-10");
        await Assertions.Expect(page.GetByLabel("Until (optional)")).ToHaveValueAsync("2026-03-01");
    }

    [Test]
    public async Task Revoking_an_api_key_asks_first_and_cancelling_keeps_the_key()
    {
        var page = await SignedInAsync();
        await page.Locator("[data-nav=account]").ClickAsync();
        await page.Locator("[data-test=key-name]").FillAsync("Old CRM");
        await page.Locator("[data-test=create-key]").ClickAsync();
        var row = page.Locator("tr", new() { HasText = "Old CRM" });
        var accept = false;
        var asked = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            asked.Add(dialog.Message);
            await (accept ? dialog.AcceptAsync() : dialog.DismissAsync());
        };

        await row.GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();
        await page.ReloadAsync();
        await Assertions.Expect(row.GetByRole(AriaRole.Button, new() { Name = "Revoke" })).ToBeVisibleAsync();
        Assert.That(asked, Is.EqualTo(new[] { "Revoke the key Old CRM? Whatever uses it is refused from now on." }));

        accept = true;
        await row.GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();
        await Assertions.Expect(row).ToContainTextAsync("Revoked");
        Assert.That(asked, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task A_refused_form_shows_its_message_beside_the_field_and_a_reload_posts_nothing_again()
    {
        var page = await SignedInAsync();
        await page.Locator("[data-nav=integrations]").ClickAsync();
        await page.GetByLabel("Page access token").FillAsync(SandboxSeed.ExpiredTokenPageToken);
        await page.Locator("[data-test=connect]").ClickAsync();

        var error = page.Locator("[data-test=connect-error]");
        await Assertions.Expect(error).ToContainTextAsync("create a new page access token");
        await Assertions.Expect(error).Not.ToContainTextAsync("reconnect");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Integrations$"));

        var posts = 0;
        page.Request += (_, request) => posts += request.Method == "POST" ? 1 : 0;
        await page.ReloadAsync();
        Assert.That(posts, Is.Zero, "the reload read the page again");
        await Assertions.Expect(error).ToBeEmptyAsync();
    }

    [Test]
    public async Task Connecting_a_page_that_is_connected_already_updates_its_token_and_an_expired_token_reads_as_expired()
    {
        var page = await SignedInAsync();
        await page.Locator("[data-nav=integrations]").ClickAsync();
        await page.GetByLabel("Page access token").FillAsync(SandboxSeed.MainPageToken);
        await page.Locator("[data-test=connect]").ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("was connected already: its integration now uses the new token");
        await page.Locator("[data-nav=integrations]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-test=integration]", new() { HasText = SeededApp.PageName })).ToHaveCountAsync(1);

        var expiring = await ExpireTokenAsync();
        await page.GotoAsync($"/Integrations/{expiring}");
        await Assertions.Expect(page.Locator("[data-test=token-expiry]")).ToContainTextAsync("expired");
        await Assertions.Expect(page.Locator("[data-test=token-expiry]")).Not.ToContainTextAsync("expires");
        await Assertions.Expect(page.Locator("[data-test=integration-status]")).ToContainTextAsync("Token expired on");
    }

    private async Task<IPage> SignedInAsync()
    {
        var page = await _app.NewPageAsync();
        await BrowserApp.SignInAsync(page);
        return page;
    }

    private async Task<int> KeyCountAsync(string name)
    {
        await using var scope = _app.App.ScopeFor(TestApp.AdminUserId);
        return await _app.App.Db(scope).ApiKeys.CountAsync(k => k.Name == name);
    }

    /// <summary>The soon-expiring page's token as if its expiry had passed: what LeadOps last read stays, time moved on.</summary>
    private async Task<int> ExpireTokenAsync()
    {
        await using var scope = _app.App.ScopeFor(TestApp.AdminUserId);
        var db = _app.App.Db(scope);
        var integration = await db.Integrations.SingleAsync(i => i.PageId == SandboxSeed.ExpiringTokenPageId);
        db.Entry(integration).Property(i => i.TokenExpiresAt).CurrentValue = DateTimeOffset.UtcNow.AddDays(-1);
        await db.SaveChangesAsync();
        return integration.Id;
    }
}
