using System.Net.Http.Json;
using LeadOps.Application.Integrations.Commands;
using LeadOps.Application.Leads.Commands;
using LeadOps.GraphSandbox;
using Microsoft.Playwright;

namespace LeadOps.BrowserTests;

/// <summary>
/// The README's pictures of the Leads page and the Inbox (docs/screenshots), taken from seeded data: the sandbox's seed,
/// leads created on fixed dates, the same customers writing. Each run writes them again, so they follow the pages.
/// </summary>
[Category(TestCategories.Slow)]
public sealed class ReadmeScreenshotsTests
{
    private static readonly DateTimeOffset Oldest = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Newest = new(2026, 11, 28, 18, 0, 0, TimeSpan.Zero);
    private BrowserApp _app = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _app = await BrowserApp.StartAsync(TestApp.Create(DatabaseKind.Sqlite).WithSandbox(new SandboxOptions { InitialLeadsPerForm = 0, Seed = 42 }));
        var connected = await _app.App.SendAsync(TestApp.AdminUserId, new ConnectIntegration(SandboxSeed.MainPageToken, "Lisboa Bikes shop"));
        Assert.That(connected.IsSuccess, Is.True, connected.Error);
        _app.App.Graph.AddLeads(SandboxSeed.MainTestRideFormId, 7, Oldest, Newest);
        _app.App.Graph.AddLeads(SandboxSeed.MainServiceFormId, 5, Oldest, Newest);
        foreach (var form in new[] { SandboxSeed.MainTestRideFormId, SandboxSeed.MainServiceFormId })
        {
            var run = await _app.App.SendAsync(TestApp.AdminUserId, new RetrieveFacebookLeads(connected.Value!.Id, form, SendWelcome: false));
            Assert.That(run.IsSuccess, Is.True, run.Error);
        }
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
    public async Task The_Leads_page_and_the_Inbox_are_pictured_for_the_README()
    {
        using var control = new HttpClient { BaseAddress = _app.App.Sandbox.BaseAddress };
        await CustomerAsksForAPersonAsync(control, "7300000000000101", "Olá! Can I book a test ride on the Urban E-200 this Saturday?", "Wants a test ride");
        await CustomerAsksForAPersonAsync(control, "7300000000000102", "My chain keeps slipping after the last service. Can someone call me?", "Service complaint");

        var context = await _app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = _app.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            Locale = "en-GB",
            TimezoneId = "UTC",
        });
        var page = await context.NewPageAsync();
        await BrowserApp.SignInAsync(page);

        await page.GotoAsync("/Leads");
        await Assertions.Expect(page.Locator("[data-test=leads] tbody tr")).ToHaveCountAsync(12);
        var leads = await SaveAsync(page, "leads.png");

        await page.GotoAsync("/Inbox");
        var rows = page.Locator("[data-test=conversation-row]");
        for (var deadline = DateTimeOffset.UtcNow.AddSeconds(30); await rows.CountAsync() < 2; await page.ReloadAsync())
        {
            Assert.That(DateTimeOffset.UtcNow, Is.LessThan(deadline), "both escalated conversations within 30 s");
            await Task.Delay(250);
        }

        await Assertions.Expect(page.Locator("[data-live-status]").First).ToHaveAttributeAsync("data-live-state", "connected");
        var inbox = await SaveAsync(page, "inbox.png");
        Assert.That(new FileInfo(leads).Length, Is.GreaterThan(10_000));
        Assert.That(new FileInfo(inbox).Length, Is.GreaterThan(10_000));
        await context.CloseAsync();
    }

    private static async Task CustomerAsksForAPersonAsync(HttpClient control, string psid, string text, string reason)
    {
        var customer = $"/_sandbox/pages/{SandboxSeed.MainPageId}/customers/{psid}";
        (await control.PostAsJsonAsync(customer + "/messages", new { text })).EnsureSuccessStatusCode();
        (await control.PostAsJsonAsync(customer + "/handovers", new
        {
            action = "pass_thread_control",
            from_app_id = "700000000000001",
            to_app_id = new SandboxOptions().AppId,
            metadata = reason,
        })).EnsureSuccessStatusCode();
    }

    /// <summary>Writes the page's picture to docs/screenshots of this checkout and returns the path.</summary>
    private static async Task<string> SaveAsync(IPage page, string name)
    {
        var path = Path.Combine(TestRun.CheckoutRoot(), "docs", "screenshots", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Delete(path);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, Animations = ScreenshotAnimations.Disabled });
        return path;
    }
}
