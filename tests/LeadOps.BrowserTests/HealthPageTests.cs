using System.Net;
using LeadOps.GraphSandbox;
using Microsoft.Playwright;

namespace LeadOps.BrowserTests;

/// <summary>The Health page, from the navigation: the checks, the workers, the welcome backlog, webhook health and Graph usage.</summary>
[Category(TestCategories.Slow)]
public sealed class HealthPageTests : MainPageFixture
{

    [Test]
    public async Task Staff_open_Health_from_the_navigation_and_see_checks_workers_backlog_webhooks_and_Graph_usage()
    {
        var page = await Site.NewPageAsync();
        await BrowserApp.SignInAsync(page);
        await page.Locator("[data-nav=health]").ClickAsync();
        await page.WaitForURLAsync("**/Health");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Health", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-test=health-check][data-check=database]")).ToHaveAttributeAsync("data-status", "Healthy");
        await Assertions.Expect(page.Locator("[data-test=health-check][data-check=workers]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-test=welcome-pending]")).ToHaveTextAsync("0");
        await Assertions.Expect(page.Locator("[data-test=webhook-row]")).ToContainTextAsync(SandboxSeed.MainPageName);
        await Assertions.Expect(page.Locator("[data-test=usage-app] td").Nth(1)).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+(\.\d)? %$"));
        await Assertions.Expect(page.Locator("[data-test=usage-page]")).ToContainTextAsync(SandboxSeed.MainPageName);
        await BrowserApp.ScreenshotAsync(page, "health");

        // The page is for people; /status stays JSON for machines.
        using var client = Site.App.NewClient();
        var status = await client.GetAsync("/status");
        Assert.That(status.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(status.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
    }

    [Test]
    public async Task The_Health_page_is_for_signed_in_staff_only()
    {
        using var client = Site.App.NewClient();
        var response = await client.GetAsync("/Health");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.Headers.Location?.ToString(), Does.Contain("/Account/Login"));
    }
}
