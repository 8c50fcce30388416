using LeadOps.Application.Conversations.Commands;
using LeadOps.GraphSandbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace LeadOps.BrowserTests;

/// <summary>
/// What a new member of staff trips over in a conversation: a long thread opens at its latest message (and stays
/// there as new ones arrive live), and resolving or taking the conversation, by key or by click, asks before it throws
/// away a reply or an internal note written but not sent.
/// </summary>
[Category(TestCategories.Slow)]
public sealed class InboxFirstDayTests : MainPageFixture
{
    private static int _psids;

    private SandboxState Meta => Site.App.Graph;

    [Test]
    public async Task A_long_thread_opens_at_its_latest_message_and_stays_there_when_a_new_one_arrives()
    {
        var psid = NewPsid();
        for (var i = 1; i <= 30; i++)
        {
            Meta.CustomerSendsMessage(SandboxSeed.MainPageId, psid, $"Message number {i}");
        }

        var page = await SignedInPageAsync();
        await OpenConversationAsync(page, psid);
        var messages = page.Locator("[data-test=message]");
        await Assertions.Expect(messages).ToHaveCountAsync(30);
        await page.ReloadAsync();
        await LiveAsync(page);

        await Assertions.Expect(messages.Last).ToContainTextAsync("Message number 30");
        await Assertions.Expect(messages.Last).ToBeInViewportAsync();
        await Assertions.Expect(messages.First).Not.ToBeInViewportAsync();

        Meta.CustomerSendsMessage(SandboxSeed.MainPageId, psid, "One more question");
        await Assertions.Expect(messages).ToHaveCountAsync(31);
        await Assertions.Expect(messages.Last).ToContainTextAsync("One more question");
        await Assertions.Expect(messages.Last).ToBeInViewportAsync();
    }

    [Test]
    public async Task Resolving_or_taking_asks_first_when_a_reply_or_a_note_is_written_but_not_sent()
    {
        var psid = NewPsid();
        Meta.CustomerSendsMessage(SandboxSeed.MainPageId, psid, "Can I book a test ride?");
        var page = await SignedInPageAsync();
        await OpenConversationAsync(page, psid);
        var header = page.Locator("[data-test=conversation-header]");
        var asked = new List<string>();
        using var dialogs = new SemaphoreSlim(0);
        var accept = false;
        page.Dialog += async (_, dialog) =>
        {
            asked.Add(dialog.Message);
            await (accept ? dialog.AcceptAsync() : dialog.DismissAsync());
            dialogs.Release();
        };

        var reply = page.Locator("[data-test=reply-text]");
        await reply.FillAsync("Yes, Saturday at 10:00 works");
        await page.Locator("[data-test=customer-name]").ClickAsync();
        await page.Keyboard.PressAsync("r");
        Assert.That(await dialogs.WaitAsync(TimeSpan.FromSeconds(15)), Is.True, "asked before resolving");
        Assert.That(asked[0], Does.Contain("not been sent"));
        await Assertions.Expect(header).ToHaveAttributeAsync("data-state", "bot");
        await Assertions.Expect(reply).ToHaveValueAsync("Yes, Saturday at 10:00 works");

        await reply.FillAsync(string.Empty);
        await page.Locator("[data-test=note-text]").FillAsync("She called about the X9 too");
        await page.Locator("[data-test=take]").ClickAsync();
        Assert.That(await dialogs.WaitAsync(TimeSpan.FromSeconds(15)), Is.True, "asked before taking");
        await Assertions.Expect(header).ToHaveAttributeAsync("data-state", "bot");
        await Assertions.Expect(page.Locator("[data-test=note-text]")).ToHaveValueAsync("She called about the X9 too");

        accept = true;
        await page.Locator("[data-test=take]").ClickAsync();
        await Assertions.Expect(header).ToHaveAttributeAsync("data-state", "human_active");
        Assert.That(asked, Has.Count.EqualTo(3));

        // The take reloads the page: the shortcut is pressed once the new page has loaded, with focus out of the editors.
        await page.WaitForLoadStateAsync(LoadState.Load);
        await page.Locator("[data-test=customer-name]").ClickAsync();
        await page.Keyboard.PressAsync("r");
        await Assertions.Expect(header).ToHaveAttributeAsync("data-state", "resolved");
        Assert.That(asked, Has.Count.EqualTo(3), "nothing written, nothing asked");
    }

    [Test]
    public async Task A_click_on_a_row_while_the_list_refreshes_on_connecting_still_opens_that_conversation()
    {
        var psid = NewPsid();
        Meta.CustomerSendsMessage(SandboxSeed.MainPageId, psid, "Do you rent bikes by the week?");
        await SeededApp.WaitAsync(Site, async db => await db.Conversations.AnyAsync(c => c.Psid == psid), "the first conversation");
        var page = await SignedInPageAsync();

        // The list's refresh once live updates connect is held until the button is down on the row's link; a new
        // customer writes meanwhile, so the fresh list is not the one on screen.
        var fetches = 0;
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await page.RouteAsync(url => url.Contains("handler=List", StringComparison.Ordinal), async route =>
        {
            if (Interlocked.Increment(ref fetches) == 1)
            {
                held.TrySetResult();
                await release.Task.WaitAsync(TimeSpan.FromSeconds(60));
            }

            await route.ContinueAsync();
        });
        await page.GotoAsync("/Inbox");
        await held.Task.WaitAsync(TimeSpan.FromSeconds(30));

        var link = page.Locator($"[data-test=conversation-row][data-psid='{psid}'] [data-test=open-conversation]");
        await Assertions.Expect(link).ToBeVisibleAsync();
        var box = (await link.BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(box.X + (box.Width / 2), box.Y + (box.Height / 2));
        await page.Mouse.DownAsync();
        var other = NewPsid();
        Meta.CustomerSendsMessage(SandboxSeed.MainPageId, other, "And by the month?");
        await SeededApp.WaitAsync(Site, async db => await db.Conversations.AnyAsync(c => c.Psid == other), "the second conversation");
        release.SetResult();
        // The refresh has put the new customer's row in: the list on screen is the fresh one.
        await Assertions.Expect(page.Locator($"[data-test=conversation-row][data-psid='{other}']")).ToHaveCountAsync(1);

        await page.Mouse.UpAsync();
        await page.WaitForURLAsync("**/Inbox/Conversation/**");
        await Assertions.Expect(page.Locator("[data-test=conversation-header]")).ToContainTextAsync(psid);
    }

    [Test]
    public async Task One_capture_listener_asks_before_a_form_is_sent()
    {
        var psid = NewPsid();
        Meta.CustomerSendsMessage(SandboxSeed.MainPageId, psid, "Is the shop open on Sunday?");
        var page = await SignedInPageAsync();
        await OpenConversationAsync(page, psid);

        var cdp = await page.Context.NewCDPSessionAsync(page);
        var document = await cdp.SendAsync("Runtime.evaluate", new Dictionary<string, object> { ["expression"] = "document" });
        var listeners = await cdp.SendAsync("DOMDebugger.getEventListeners", new Dictionary<string, object>
        {
            ["objectId"] = document!.Value.GetProperty("result").GetProperty("objectId").GetString()!,
        });
        var capturingSubmit = listeners!.Value.GetProperty("listeners").EnumerateArray()
            .Count(l => l.GetProperty("type").GetString() == "submit" && l.GetProperty("useCapture").GetBoolean());
        Assert.That(capturingSubmit, Is.EqualTo(1), "one listener asks both questions (data-confirm and the unsent text)");
    }

    [Test]
    public async Task The_state_window_and_waiting_time_stay_at_the_headers_right_beside_a_long_escalation_reason()
    {
        var psid = NewPsid();
        var escalated = await Site.App.SendAsync(TestApp.AdminUserId, new EscalateCustomer(SandboxSeed.MainPageId, psid,
            "App 700000000000001 passed the conversation to LeadOps: the customer asked twice for a person about returning a rental bike"));
        Assert.That(escalated.IsSuccess, Is.True, escalated.Error);
        var page = await SignedInPageAsync();
        await OpenConversationAsync(page, psid);

        var header = (await page.Locator("[data-test=conversation-header] > .card-body").BoundingBoxAsync())!;
        var reason = (await page.Locator("[data-test=escalation-reason]").BoundingBoxAsync())!;
        var state = (await page.Locator("[data-test=conversation-header] [data-test=state]").BoundingBoxAsync())!;
        var window = (await page.Locator("[data-test=window]").BoundingBoxAsync())!;
        await BrowserApp.ScreenshotAsync(page, "conversation-long-escalation-reason");
        Assert.Multiple(() =>
        {
            Assert.That(state.Y, Is.LessThan(reason.Y), "the state badge is on the header's first line, not below the reason");
            Assert.That(state.X, Is.GreaterThan(reason.X + reason.Width), "the state badge is to the right of the reason");
            Assert.That(header.X + header.Width - (window.X + window.Width), Is.LessThan(24), "the window's time left ends at the header's right edge");
        });
    }

    private async Task<IPage> SignedInPageAsync()
    {
        var page = await Site.NewPageAsync();
        await BrowserApp.SignInAsync(page);
        return page;
    }

    private static async Task OpenConversationAsync(IPage page, string psid)
    {
        // By the row's link, not a click that the list's re-render on connecting could swallow.
        await page.GotoAsync($"/Inbox?q={psid}");
        var thread = await page.Locator($"[data-test=conversation-row][data-psid='{psid}'] [data-test=open-conversation]").GetAttributeAsync("href");
        await page.GotoAsync(thread!);
        await LiveAsync(page);
    }

    private static Task LiveAsync(IPage page) =>
        Assertions.Expect(page.Locator("[data-live-status]").First).ToHaveAttributeAsync("data-live-state", "connected");

    private static string NewPsid() => "75" + (Environment.ProcessId % 10000).ToString("D4", System.Globalization.CultureInfo.InvariantCulture) +
        Interlocked.Increment(ref _psids).ToString("D10", System.Globalization.CultureInfo.InvariantCulture);
}
