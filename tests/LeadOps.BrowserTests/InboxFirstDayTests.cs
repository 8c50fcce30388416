using LeadOps.GraphSandbox;
using Microsoft.Playwright;

namespace LeadOps.BrowserTests;

/// <summary>
/// What a new member of staff trips over in a conversation: a long thread opens at its latest message (and stays
/// there as new ones arrive live), and resolving or taking the conversation, by key or by click, asks before it throws
/// away a reply or an internal note written but not sent.
/// </summary>
[Category(TestCategories.Slow)]
public sealed class InboxFirstDayTests
{
    private static int _psids;
    private BrowserApp _app = null!;

    private SandboxState Meta => _app.App.Graph;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _app = await BrowserApp.StartWithMainPageAsync();
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

        await page.Keyboard.PressAsync("r");
        await Assertions.Expect(header).ToHaveAttributeAsync("data-state", "resolved");
        Assert.That(asked, Has.Count.EqualTo(3), "nothing written, nothing asked");
    }

    private async Task<IPage> SignedInPageAsync()
    {
        var page = await _app.NewPageAsync();
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
