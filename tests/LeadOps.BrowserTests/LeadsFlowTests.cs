using LeadOps.GraphSandbox;
using Microsoft.Playwright;

namespace LeadOps.BrowserTests;

/// <summary>Staff connect the sandbox page from the UI, test it, see its forms, and run the brief's Retrieve Facebook Leads flow.</summary>
[Category(TestCategories.Slow)]
public sealed class LeadsFlowTests
{
    private BrowserApp _app = null!;

    /// <summary>
    /// The form holds 12 leads of the last two months but none of the last day: the retrieval would send no welcome
    /// e-mail, so it starts without asking (the preview step has its own tests in the integration suite).
    /// </summary>
    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _app = await BrowserApp.StartAsync(TestApp.Create(DatabaseKind.Sqlite).WithSandbox(new SandboxOptions { InitialLeadsPerForm = 0 }));
        _app.App.Graph.AddLeads(SandboxSeed.MainTestRideFormId, 12, DateTimeOffset.UtcNow.AddDays(-60), DateTimeOffset.UtcNow.AddDays(-2));
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
    public async Task Connect_test_and_retrieve_from_the_pages()
    {
        var page = await _app.NewPageAsync();
        await BrowserApp.SignInAsync(page);

        await page.Locator("[data-nav=integrations]").ClickAsync();
        await Assertions.Expect(page.GetByText("No integrations yet.")).ToBeVisibleAsync();
        await page.GetByLabel("Page access token").FillAsync(SandboxSeed.MainPageToken);
        await page.Locator("[data-test=connect]").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = SandboxSeed.MainPageName })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-test=integration-status]")).ToHaveTextAsync("Active");
        await Assertions.Expect(page.Locator("[data-test=forms]")).ToContainTextAsync("Test ride booking");

        await page.Locator("[data-test=test]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-test=token-valid]")).ToHaveTextAsync("Valid");
        await Assertions.Expect(page.Locator("[data-test=webhooks]")).ToContainTextAsync("Subscribed");
        await Assertions.Expect(page.Locator("[data-test=integration-status]")).ToHaveTextAsync("Active");
        await Assertions.Expect(page.Locator("[data-test=forms]")).ToContainTextAsync("Test ride booking");
        await BrowserApp.ScreenshotAsync(page, "integration");

        await page.Locator("[data-nav=leads]").ClickAsync();
        await page.Locator("[data-test=open-retrieve]").ClickAsync();
        await page.Locator("[data-test=retrieve-form]").SelectOptionAsync(new SelectOptionValue { Label = "Test ride booking (active)" });
        await page.Locator("[data-test=retrieve-submit]").ClickAsync();

        await Assertions.Expect(page.Locator("[data-test=run-summary]")).ToContainTextAsync("Retrieved 12 new leads and found 0 existing leads", new() { Timeout = BrowserApp.Patience });
        await Assertions.Expect(page.Locator("[data-test=run-items] tbody tr")).ToHaveCountAsync(12);
        await BrowserApp.ScreenshotAsync(page, "retrieval-results");

        await page.Locator("[data-test=run-items] tbody tr a").First.ClickAsync();
        await Assertions.Expect(page.Locator("[data-test=answers]")).ToBeVisibleAsync();

        await page.Locator("[data-nav=leads]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-test=leads] tbody tr")).ToHaveCountAsync(12);
    }
}
