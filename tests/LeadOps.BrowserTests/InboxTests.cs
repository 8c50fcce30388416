using System.Net.Http.Json;
using LeadOps.GraphSandbox;
using Microsoft.Playwright;

namespace LeadOps.BrowserTests;

/// <summary>
/// Two staff browser sessions on the live Inbox: the customer writes (through the sandbox's control API) and the message
/// appears without a reload; staff reply and the thread shows the reply sent, then delivered when Meta says so.
/// </summary>
[Category(TestCategories.Slow)]
public sealed class InboxTests : MainPageFixture
{
    private const string Psid = "7300000000000042";
    private HttpClient _control = null!;

    /// <summary>Where the sandbox's webhooks pass on their way to the app (held back on demand).</summary>
    private WebhookReceiver Webhooks => Site.App.Webhooks;

    [OneTimeSetUp]
    public void Start()
    {
        _control = new HttpClient { BaseAddress = Site.App.Sandbox.BaseAddress };
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _control?.Dispose();
    }

    [Test]
    public async Task A_customer_message_appears_live_in_two_sessions_and_a_reply_shows_sent_then_delivered()
    {
        var listPage = await SignedInPageAsync();
        var threadPage = await SignedInPageAsync();
        await listPage.GotoAsync("/Inbox");
        await threadPage.GotoAsync("/Inbox");
        await LiveAsync(listPage);
        await LiveAsync(threadPage);

        await CustomerWritesAsync("Olá! Is the Trail X9 in stock?");

        var row = listPage.Locator($"[data-test=conversation-row][data-psid='{Psid}']");
        await Assertions.Expect(row).ToBeVisibleAsync();
        await Assertions.Expect(row.Locator("[data-test=preview]")).ToHaveTextAsync("Olá! Is the Trail X9 in stock?");
        await Assertions.Expect(row.Locator("[data-test=window]")).ToHaveTextAsync("24 h left");
        var otherRow = threadPage.Locator($"[data-test=conversation-row][data-psid='{Psid}']");
        await Assertions.Expect(otherRow).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(listPage, "inbox-list-live");

        await otherRow.Locator("[data-test=open-conversation]").ClickAsync();
        await threadPage.WaitForURLAsync("**/Inbox/Conversation/**");
        await LiveAsync(threadPage);

        await CustomerWritesAsync("And can I book a test ride?");
        await Assertions.Expect(threadPage.Locator("[data-test=message][data-sender=customer] [data-test=text]").Last).ToHaveTextAsync("And can I book a test ride?");
        await Assertions.Expect(row.Locator("[data-test=preview]")).ToHaveTextAsync("And can I book a test ride?");

        // Meta's echo and delivery receipt are held back until the test has seen the reply as sent.
        Webhooks.Hold = true;
        var reply = threadPage.Locator("[data-test=reply-text]");
        await reply.FillAsync("Yes! Saturday at 10?");
        await Assertions.Expect(threadPage.Locator("[data-test=counter]")).ToHaveTextAsync("20");
        await threadPage.Locator("[data-test=send]").ClickAsync();

        var status = threadPage.Locator("[data-test=message][data-sender=staff] [data-test=status]");
        await Assertions.Expect(status).ToHaveTextAsync("sent");
        await Assertions.Expect(threadPage.Locator("[data-test=message][data-sender=staff] [data-test=text]")).ToHaveTextAsync("Yes! Saturday at 10?");
        await LiveAsync(threadPage);
        await BrowserApp.ScreenshotAsync(threadPage, "inbox-thread-sent");

        await Webhooks.ReleaseAsync();
        await Assertions.Expect(status).ToHaveTextAsync("delivered");
        await Assertions.Expect(row.Locator("[data-test=preview]")).ToHaveTextAsync("Yes! Saturday at 10?");
        await BrowserApp.ScreenshotAsync(threadPage, "inbox-thread-delivered");

        var sent = Site.App.Graph.SentMessages.Where(m => m.Psid == Psid).ToList();
        Assert.That(sent.Select(m => (m.Text, m.MessagingType)), Is.EqualTo(new[] { ("Yes! Saturday at 10?", "RESPONSE") }));
        Assert.That(threadPage.Url, Does.Contain("/Inbox/Conversation/"));
    }

    /// <summary>
    /// The session ends in another tab of the same browser: the next live refresh gets the sign-in page (a redirect), not
    /// the list. The list stays as it was, refreshes stop, and the page says it is signed out.
    /// </summary>
    [Test]
    public async Task After_signing_out_in_another_tab_the_live_list_stays_as_it_was_and_says_signed_out()
    {
        const string psid = "7300000000000043";
        var page = await SignedInPageAsync();
        await page.GotoAsync("/Inbox");
        await LiveAsync(page);
        await CustomerWritesAsync("Is anyone there?", psid);
        var row = page.Locator($"[data-test=conversation-row][data-psid='{psid}']");
        await Assertions.Expect(row.Locator("[data-test=preview]")).ToHaveTextAsync("Is anyone there?");

        var other = await page.Context.NewPageAsync();
        await other.GotoAsync("/Inbox");
        await other.Locator("[data-test=sign-out]").ClickAsync();
        await other.WaitForURLAsync("**/Account/Login**");
        await CustomerWritesAsync("Hello again?", psid);

        var status = page.Locator("[data-live-status]").First;
        await Assertions.Expect(status).ToHaveAttributeAsync("data-live-state", "signed-out");
        await Assertions.Expect(status).ToHaveTextAsync("Signed out: reload the page.");
        await Assertions.Expect(row.Locator("[data-test=preview]")).ToHaveTextAsync("Is anyone there?");
        await Assertions.Expect(page.Locator("[data-inbox-live] input[type=password]")).ToHaveCountAsync(0);
        Assert.That(page.Url, Does.EndWith("/Inbox"), "the page itself stays where it was");
    }

    private async Task<IPage> SignedInPageAsync()
    {
        var page = await Site.NewPageAsync();
        await BrowserApp.SignInAsync(page);
        return page;
    }

    private static Task LiveAsync(IPage page) =>
        Assertions.Expect(page.Locator("[data-live-status]").First).ToHaveAttributeAsync("data-live-state", "connected");

    private async Task CustomerWritesAsync(string text, string psid = Psid)
    {
        var response = await _control.PostAsJsonAsync($"/_sandbox/pages/{SandboxSeed.MainPageId}/customers/{psid}/messages", new { text });
        response.EnsureSuccessStatusCode();
    }
}
