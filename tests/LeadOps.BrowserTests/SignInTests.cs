using Microsoft.Playwright;

namespace LeadOps.BrowserTests;

[Category(TestCategories.Slow)]
public sealed class SignInTests
{
    private BrowserApp? _app;

    [OneTimeSetUp]
    public async Task StartAsync() => _app = await BrowserApp.StartAsync(TestApp.Create(DatabaseKind.Sqlite));

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [Test]
    public async Task Staff_signs_in_sees_leads_inbox_and_integrations_and_signs_out()
    {
        var page = await _app!.NewPageAsync();
        await page.GotoAsync("/Leads");
        Assert.That(page.Url, Does.Contain("/Account/Login"), "anonymous visitors are sent to sign in");

        await BrowserApp.SignInAsync(page);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Leads", Level = 1 }));
        await BrowserApp.ScreenshotAsync(page, "leads");

        foreach (var (nav, heading) in new[] { ("inbox", "Inbox"), ("integrations", "Integrations"), ("leads", "Leads") })
        {
            await page.Locator($"[data-nav={nav}]").ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 1 }));
        }

        await page.Locator("[data-test=sign-out]").ClickAsync();
        await page.WaitForURLAsync("**/Account/Login");
        await page.GotoAsync("/Inbox");
        Assert.That(page.Url, Does.Contain("/Account/Login"), "signed out: the pages are closed again");
    }

    [Test]
    public async Task Wrong_password_shows_a_clear_message()
    {
        var page = await _app!.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("E-mail").FillAsync(BrowserApp.Email);
        await page.GetByLabel("Password").FillAsync("not-the-password");
        await page.Locator("[data-test=sign-in]").ClickAsync();
        await Expect(page.GetByText("The e-mail or password is not right."));
        Assert.That(page.Url, Does.Contain("/Account/Login"));
    }

    private static async Task Expect(ILocator locator) =>
        await Assertions.Expect(locator).ToBeVisibleAsync();
}
