using System.Text.Json;
using LeadOps.Application.Conversations.Commands;
using LeadOps.GraphSandbox;
using Microsoft.Playwright;

namespace LeadOps.BrowserTests;

/// <summary>
/// While LeadOps is open in the browser and notifications are allowed, an escalation shows a browser notification
/// that names the customer's reason and opens the conversation.
/// </summary>
[Category(TestCategories.Slow)]
public sealed class EscalationNotificationTests : MainPageFixture
{
    private const string Psid = "7300000000000099";

    /// <summary>
    /// Headless Chromium has no notification centre to look at, and Playwright offers no event for a shown notification,
    /// so this script, run before the page's own, records every <c>new Notification(title, options)</c> the page makes
    /// and then hands it to the real API. The permission itself is the browser's own (granted to the context).
    /// </summary>
    private const string RecordNotifications = """
        (() => {
            const Real = window.Notification;
            if (!Real) { return; }
            window.__notifications = [];
            function Recording(title, options) {
                window.__notifications.push({ title, body: options && options.body, tag: options && options.tag });
                try { return new Real(title, options); } catch (e) { this.title = title; }
            }
            Object.defineProperty(Recording, "permission", { get: () => Real.permission });
            Recording.requestPermission = (...args) => Real.requestPermission(...args);
            Recording.prototype = Real.prototype;
            window.Notification = Recording;
        })();
        """;


    [Test]
    public async Task An_escalation_shows_a_browser_notification_on_an_open_LeadOps_page()
    {
        await using var context = await Site.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Site.BaseAddress.ToString() });
        context.SetDefaultTimeout(BrowserApp.Patience);
        await context.GrantPermissionsAsync(["notifications"], new BrowserContextGrantPermissionsOptions { Origin = Site.BaseAddress.GetLeftPart(UriPartial.Authority) });
        await context.AddInitScriptAsync(RecordNotifications);
        var page = await context.NewPageAsync();
        await BrowserApp.SignInAsync(page);

        Assert.That(await page.EvaluateAsync<string>("() => Notification.permission"), Is.EqualTo("granted"));
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("data-staff-alerts", "listening");
        Assert.That(await page.EvaluateAsync<int>("() => window.__notifications.length"), Is.Zero);

        var escalated = await Site.App.SendAsync(TestApp.AdminUserId, new EscalateCustomer(SandboxSeed.MainPageId, Psid, "wants a test ride on Saturday"));
        Assert.That(escalated.IsSuccess, Is.True, escalated.Error);

        await page.WaitForFunctionAsync("() => window.__notifications.length > 0", null, new PageWaitForFunctionOptions { Timeout = BrowserApp.Patience });
        var shown = await page.EvaluateAsync<JsonElement>("() => window.__notifications");
        Assert.That(shown.GetArrayLength(), Is.EqualTo(1));
        Assert.Multiple(() =>
        {
            Assert.That(shown[0].GetProperty("title").GetString(), Is.EqualTo("A conversation needs a person"));
            Assert.That(shown[0].GetProperty("body").GetString(), Does.EndWith(": wants a test ride on Saturday"));
            Assert.That(shown[0].GetProperty("tag").GetString(), Is.EqualTo($"/Inbox/Conversation/{escalated.Value!.Id}"));
        });
    }
}
