using LeadOps.Application.Integrations.Commands;
using LeadOps.Domain.Leads;
using LeadOps.GraphSandbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LeadOps.BrowserTests;

/// <summary>
/// The demo as a newcomer drives it: the app runs the Graph sandbox inside itself (<c>Sandbox:Enabled</c>, as in
/// Development) and listens on a port of its own, not 5080. From the Inbox's empty state staff open the sandbox console
/// and, from the console alone, make a customer write and the bot escalate, and submit a lead: the sandbox's webhooks
/// reach the address the app really listens on, so the conversation shows in the Inbox and the lead in Leads.
/// </summary>
[Category(TestCategories.Slow)]
public sealed class SandboxConsoleTests
{
    private const string Psid = "7300000000000077";
    private BrowserApp _app = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _app = await BrowserApp.StartAsync(TestApp.Create(DatabaseKind.Sqlite).AsDemo());
        Assert.That(_app.BaseAddress.Port, Is.Not.EqualTo(5080));
    }

    [Test]
    public async Task The_demo_users_page_is_connected_under_the_sandbox_pages_own_name()
    {
        // The app connects the sandbox's main page for the demo user (here the admin) as it starts; the name is the
        // page's own, the one the README and the Inbox use.
        await using (var scope = _app.App.ScopeFor(TestApp.AdminUserId))
        {
            var names = await _app.App.Db(scope).Integrations.Select(i => i.Name).ToListAsync();
            Assert.That(names, Is.EqualTo(new[] { SandboxSeed.MainPageName }));
        }

        var page = await _app.NewPageAsync();
        await BrowserApp.SignInAsync(page);
        await page.GotoAsync("/Integrations");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Lisboa Bikes");
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("Demo page");
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [Test]
    public async Task A_customer_writes_and_the_bot_escalates_from_the_console_and_the_conversation_shows_in_the_Inbox()
    {
        var inbox = await _app.NewPageAsync();
        await BrowserApp.SignInAsync(inbox);
        await inbox.GotoAsync("/Inbox");
        var console = await OpenConsoleFromEmptyStateAsync(inbox);
        await Assertions.Expect(console.Locator("[data-test=token][data-page-id='" + SandboxSeed.MainPageId + "']")).ToHaveValueAsync(SandboxSeed.MainPageToken);
        Assert.That(await console.Locator("[data-test=console]").InnerTextAsync(), Does.Contain(_app.BaseAddress.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)), "webhooks go to the app's real port");

        var write = console.Locator("[data-test=console-customer]");
        await write.Locator("[data-test=message-psid]").FillAsync(Psid);
        await write.Locator("[data-test=message-text]").FillAsync("Olá! Can I book a test ride on Saturday?");
        await write.Locator("[data-test=send-text]").ClickAsync();
        await Assertions.Expect(console.Locator("[data-test=console-result]")).ToContainTextAsync("The customer wrote");
        await write.Locator("[data-test=message-psid]").FillAsync(Psid);
        await write.Locator("[data-test=send-image]").ClickAsync();
        await Assertions.Expect(console.Locator("[data-test=console-result]")).ToContainTextAsync("The customer sent an image");

        var escalate = console.Locator("[data-test=console-escalate]");
        await escalate.Locator("[data-test=escalate-psid]").FillAsync(Psid);
        await escalate.Locator("[data-test=escalate-reason]").FillAsync("Wants a test ride");
        await escalate.Locator("[data-test=escalate]").ClickAsync();
        await Assertions.Expect(console.Locator("[data-test=console-result]")).ToContainTextAsync("The bot passed the conversation to LeadOps");
        await Assertions.Expect(console.Locator("[data-test=console-result]")).ToHaveAttributeAsync("data-outcome", "ok");

        var row = inbox.Locator($"[data-test=conversation-row][data-psid='{Psid}']");
        await ReloadUntilAsync(inbox, "/Inbox", row, 1);
        await Assertions.Expect(row).ToHaveAttributeAsync("data-state", "needs_human");
        await row.Locator("[data-test=open-conversation]").ClickAsync();
        await Assertions.Expect(inbox.Locator("[data-test=message][data-sender=customer] [data-test=text]").First).ToHaveTextAsync("Olá! Can I book a test ride on Saturday?");
        await BrowserApp.ScreenshotAsync(inbox, "console-escalated-conversation");
    }

    [Test]
    public async Task A_lead_submitted_from_the_console_arrives_by_webhook()
    {
        var page = await _app.NewPageAsync();
        await BrowserApp.SignInAsync(page);
        await page.GotoAsync("/Leads");
        var console = await OpenConsoleFromEmptyStateAsync(page);

        var lead = console.Locator("[data-test=console-lead]");
        await lead.Locator("[data-test=lead-form]").SelectOptionAsync(SandboxSeed.MainServiceFormId);
        await lead.Locator("[data-test=submit-lead]").ClickAsync();
        await Assertions.Expect(console.Locator("[data-test=console-result]")).ToContainTextAsync("Lead submitted");

        await ReloadUntilAsync(page, "/Leads", page.Locator("[data-test=leads] tbody tr"), 1);

        await using var scope = _app.App.ScopeFor(TestApp.AdminUserId);
        var sources = await _app.App.Db(scope).Leads.Select(l => l.Source).ToListAsync();
        Assert.That(sources, Is.EqualTo(new[] { LeadSource.Webhook }));
    }

    /// <summary>
    /// The console names its icon (the browser asked for /favicon.ico and got a 404), and its fault choices include the
    /// missing-permission answers LeadOps tells apart: code 3 ("Capability or permissions issue") and code 100 naming the
    /// permission, each answered by Graph's routes in Meta's error shape.
    /// </summary>
    [TestCase("PermissionMissing:3", 3, "(#3) Application does not have the capability to make this API call.")]
    [TestCase("PermissionMissing:100", 100, "This endpoint requires the 'pages_read_engagement' permission")]
    public async Task The_console_has_an_icon_and_offers_the_capability_and_named_permission_faults(string choice, int code, string message)
    {
        var console = await _app.NewPageAsync();
        await console.GotoAsync(_app.App.Services.GetRequiredService<LeadOps.Web.Common.InProcessSandbox>().ConsoleAddress!.ToString());
        await Assertions.Expect(console.GetByRole(AriaRole.Heading, new() { Name = "Console" })).ToBeVisibleAsync();

        var icon = await console.Locator("link[rel=icon]").GetAttributeAsync("href");
        Assert.That(icon, Is.Not.Null, "the console names an icon");
        var served = await console.APIRequest.GetAsync(new Uri(new Uri(console.Url), icon).ToString());
        Assert.That(served.Status, Is.EqualTo(200));
        Assert.That(served.Headers["content-type"], Does.StartWith("image/svg+xml"));

        await console.Locator("[data-test=clear-faults]").ClickAsync();
        await Assertions.Expect(console.Locator("[data-test=console-result]")).ToContainTextAsync("Faults cleared");
        await console.Locator("[data-test=fault-route]").SelectOptionAsync(FaultRoutes.Leads);
        await console.Locator("[data-test=fault-kind]").SelectOptionAsync(choice);
        try
        {
            await console.Locator("[data-test=inject-fault]").ClickAsync();
            await Assertions.Expect(console.Locator("[data-test=console-result]")).ToContainTextAsync("Fault set");

            var leads = await console.APIRequest.GetAsync(new Uri(new Uri(console.Url), $"/v25.0/{SandboxSeed.MainTestRideFormId}/leads").ToString(),
                new() { Headers = new Dictionary<string, string> { ["Authorization"] = "Bearer " + SandboxSeed.MainPageToken } });
            var error = (await leads.JsonAsync())!.Value.GetProperty("error");
            Assert.Multiple(() =>
            {
                Assert.That(leads.Status, Is.EqualTo(400));
                Assert.That(error.GetProperty("code").GetInt32(), Is.EqualTo(code));
                Assert.That(error.GetProperty("type").GetString(), Is.EqualTo("OAuthException"));
                Assert.That(error.GetProperty("message").GetString(), Does.Contain(message));
                Assert.That(error.TryGetProperty("fbtrace_id", out _), Is.True);
            });
        }
        finally
        {
            await console.Locator("[data-test=clear-faults]").ClickAsync(); // the fault holds for every call: never left for the next test
        }

        await Assertions.Expect(console.Locator("[data-test=console-result]")).ToContainTextAsync("Faults cleared");
    }

    /// <summary>Follows the empty state's link (a new tab on the sandbox's own port) to the console.</summary>
    private static async Task<IPage> OpenConsoleFromEmptyStateAsync(IPage page)
    {
        var link = page.Locator("[data-test=empty-state] [data-test=demo-console-link]");
        await Assertions.Expect(link).ToBeVisibleAsync();
        var console = await page.RunAndWaitForPopupAsync(() => link.ClickAsync());
        await Assertions.Expect(console.GetByRole(AriaRole.Heading, new() { Name = "Console" })).ToBeVisibleAsync();
        return console;
    }

    /// <summary>Webhooks are processed in the background: reloads the page until it shows them (bounded, generous).</summary>
    private static async Task ReloadUntilAsync(IPage page, string url, ILocator rows, int count)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (true)
        {
            await page.GotoAsync(url);
            if (await rows.CountAsync() == count)
            {
                return;
            }

            Assert.That(DateTimeOffset.UtcNow, Is.LessThan(deadline), $"{url} did not show {count} row(s) within 30 s");
            await Task.Delay(250);
        }
    }
}
