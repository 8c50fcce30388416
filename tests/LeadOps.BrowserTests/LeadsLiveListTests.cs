using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace LeadOps.BrowserTests;

/// <summary>
/// The Leads list re-renders itself when a lead arrives, by patching the page in place: the rows staff are working on
/// stay the same elements, so a ticked box stays ticked and a click under way still lands.
/// </summary>
[Category(TestCategories.Slow)]
public sealed class LeadsLiveListTests
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
    public async Task A_lead_ticked_before_the_list_first_re_renders_itself_stays_ticked_and_the_same_row()
    {
        var page = await _app.NewPageAsync();
        await BrowserApp.SignInAsync(page);
        // The list re-renders itself once its live connection is up; that first re-render waits here until a box is ticked.
        var ticked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await page.RouteAsync(new Regex("handler=List"), async route =>
        {
            await ticked.Task;
            await route.ContinueAsync();
        });
        await page.GotoAsync("/Leads");
        var box = page.Locator("[data-test=pick-lead]").First;
        await box.CheckAsync();
        var row = await box.ElementHandleAsync();
        ticked.SetResult();

        await Assertions.Expect(page.Locator("[data-leads-live]")).ToHaveAttributeAsync("data-refreshed", new Regex("^[1-9][0-9]*$"));
        var connected = await row.EvaluateAsync<bool>("e => e.isConnected");
        var stillTicked = await row.EvaluateAsync<bool>("e => e.checked");
        Assert.Multiple(() =>
        {
            Assert.That(connected, Is.True, "the row's box is the same element after the first re-render");
            Assert.That(stillTicked, Is.True, "and still ticked");
        });
    }

    [Test]
    public async Task A_ticked_lead_stays_ticked_and_the_same_row_when_a_new_lead_re_renders_the_list()
    {
        var page = await _app.NewPageAsync();
        await BrowserApp.SignInAsync(page);
        await page.GotoAsync("/Leads");
        var live = page.Locator("[data-leads-live]");
        await Assertions.Expect(live).ToHaveAttributeAsync("data-refreshed", new Regex("^[1-9][0-9]*$"));
        var before = int.Parse((await live.GetAttributeAsync("data-refreshed"))!, System.Globalization.CultureInfo.InvariantCulture);
        var box = page.Locator("[data-test=pick-lead]").Last;
        await box.CheckAsync();
        var row = await box.ElementHandleAsync();

        SeededApp.SubmitLead(_app, "Live Arrival", "live.arrival@example.test", "+351 910 000 111");
        await page.WaitForFunctionAsync("before => Number(document.querySelector('[data-leads-live]').dataset.refreshed) > before", before);
        await Assertions.Expect(page.Locator("[data-test=leads]")).ToContainTextAsync("Live Arrival");

        var connected = await row.EvaluateAsync<bool>("e => e.isConnected");
        var ticked = await row.EvaluateAsync<bool>("e => e.checked");
        Assert.Multiple(() =>
        {
            Assert.That(connected, Is.True, "the row's box is the same element after the re-render");
            Assert.That(ticked, Is.True, "and still ticked");
        });
    }
}
