using LeadOps.Application.Integrations.Commands;
using LeadOps.Application.Leads.Commands;
using LeadOps.GraphSandbox;
using Microsoft.Playwright;

namespace LeadOps.BrowserTests;

/// <summary>
/// Staff link a Meta dataset to an integration, move a lead to another stage from its page, and see what Meta's
/// Conversions API (the sandbox) answered on the lead page; then move it again in bulk from the Leads list.
/// </summary>
[Category(TestCategories.Slow)]
public sealed class StagesFlowTests
{
    private BrowserApp _app = null!;
    private int _integrationId;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _app = await BrowserApp.StartAsync(TestApp.Create(DatabaseKind.Sqlite)
            .WithSandbox(new SandboxOptions { InitialLeadsPerForm = 1 })
            .WithSetting("Conversions:PollInterval", "00:00:01"));
        var connected = await _app.App.SendAsync(TestApp.AdminUserId, new ConnectIntegration(SandboxSeed.MainPageToken, null));
        _integrationId = connected.Value!.Id;
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
    public async Task A_stage_change_on_the_lead_page_shows_metas_answer()
    {
        var page = await _app.NewPageAsync();
        await BrowserApp.SignInAsync(page);

        await page.GotoAsync($"/Integrations/{_integrationId}");
        await page.Locator("[data-test=conversions-settings]").ClickAsync();
        await page.Locator("[data-test=dataset-id]").FillAsync(SandboxSeed.DatasetId);
        await page.Locator("[data-test=dataset-token]").FillAsync(SandboxSeed.DatasetToken);
        await page.Locator("[data-test=dataset-save]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-test=conversions-notice]")).ToHaveTextAsync("Dataset linked.");
        await Assertions.Expect(page.Locator("[data-test=dataset-token]")).ToBeEmptyAsync();

        var retrieved = await _app.App.SendAsync(TestApp.AdminUserId, new RetrieveFacebookLeads(_integrationId, SandboxSeed.MainServiceFormId));
        Assert.That(retrieved.IsSuccess, Is.True, retrieved.Error);

        await page.Locator("[data-nav=leads]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-test=stage-filter][data-stage=new] [data-test=stage-count]")).ToHaveTextAsync("1");
        await page.Locator("[data-test=leads] tbody tr a").First.ClickAsync();
        await Assertions.Expect(page.Locator("[data-test=stage-name]")).ToHaveTextAsync("New");

        await page.Locator("[data-test=stage-select]").SelectOptionAsync("converted");
        await page.Locator("[data-test=stage-submit]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-test=workspace-notice]")).ToHaveTextAsync("Moved 1 lead.");
        await Assertions.Expect(page.Locator("[data-test=stage-name]")).ToHaveTextAsync("Converted");
        await Assertions.Expect(page.Locator("[data-test=stage-history]")).ToContainTextAsync("New → Converted");

        // The worker sends after the move has committed: reload until Meta's answer is on the page (bounded).
        var converted = page.Locator("[data-test=conversion]").Filter(new() { HasText = "Converted" });
        for (var tries = 0; tries < 60 && !(await converted.CountAsync() > 0 && (await converted.First.InnerTextAsync()).Contains("Sent", StringComparison.Ordinal)); tries++)
        {
            await page.WaitForTimeoutAsync(500);
            await page.ReloadAsync();
        }

        var sent = _app.App.Graph.ConversionEvents.Single(e => e.EventName == "Converted");
        await Assertions.Expect(converted.Locator("[data-test=conversion-status]")).ToHaveTextAsync("Sent");
        await Assertions.Expect(converted.Locator("[data-test=conversion-answer]")).ToContainTextAsync($"Meta received 1 event · fbtrace_id {sent.FbTraceId}");
        await BrowserApp.ScreenshotAsync(page, "lead-stage-conversions");

        await page.Locator("[data-nav=leads]").ClickAsync();
        // The list re-renders itself once its live connection is up: pick the lead after that, not during it.
        await Assertions.Expect(page.Locator("[data-leads-live]")).ToHaveAttributeAsync("data-refreshed", new System.Text.RegularExpressions.Regex("^[1-9][0-9]*$"));
        await page.Locator("[data-test=pick-lead]").First.CheckAsync();
        await page.Locator("[data-test=bulk-stage-select]").SelectOptionAsync("lost");
        await page.Locator("[data-test=bulk-stage-submit]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-test=stage-notice]")).ToHaveTextAsync("Moved 1 lead.");
        await Assertions.Expect(page.Locator("[data-test=lead-stage-cell]").First).ToHaveTextAsync("Lost");
        await Assertions.Expect(page.Locator("[data-test=stage-filter][data-stage=lost] [data-test=stage-count]")).ToHaveTextAsync("1");
    }
}
