using LeadOps.Domain.Leads;
using LeadOps.GraphSandbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;

namespace LeadOps.BrowserTests;

/// <summary>
/// A working day in the Inbox, in Chromium against the real app and the Graph sandbox on one fake clock: a saved reply
/// found with "/", filled in, edited and sent with Ctrl+Enter; an internal note that never reaches Meta; search that
/// finds "João" from "Joao" and the resolved list with Reopen; a waiting timer turning amber then red as the clock
/// moves; the customer's lead beside the thread; and the keyboard.
/// </summary>
[Category(TestCategories.Slow)]
public sealed class InboxWorkdayTests : MainPageFixture
{
    private static int _psids;
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);

    private SandboxState Meta => Site.App.Graph;

    protected override TestAppBuilder AppBuilder =>
        TestApp.Create(DatabaseKind.Sqlite).WithSandbox(new SandboxOptions { InitialLeadsPerForm = 0 }).WithClock(_clock);

    [Test]
    public async Task A_saved_reply_is_found_with_a_slash_filled_in_edited_and_sent_with_ctrl_enter()
    {
        var page = await SignedInPageAsync();
        await page.GotoAsync("/Inbox/Settings");
        await page.Locator("[data-test=reply-title]").FillAsync("Price of the X9");
        await page.Locator("[data-test=reply-body]").FillAsync("Hi {first_name}, the Trail X9 costs 1200 € at {page_name}. {staff_name}");
        await page.Locator("[data-test=add-reply]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-test=saved-reply][data-title='Price of the X9']")).ToBeVisibleAsync();

        var psid = NewPsid();
        Meta.CustomerSendsMessage(SandboxSeed.MainPageId, psid, "How much is the X9?");
        await OpenConversationAsync(page, psid);

        var box = page.Locator("[data-test=reply-text]");
        await box.PressSequentiallyAsync("/pri");
        var option = page.Locator("[data-test=saved-reply-option]");
        await Assertions.Expect(option).ToHaveCountAsync(1);
        await Assertions.Expect(option).ToContainTextAsync("Price of the X9");
        await box.PressAsync("Enter");

        var inserted = await box.InputValueAsync();
        Assert.Multiple(() =>
        {
            Assert.That(inserted, Does.StartWith("Hi ").And.Contain("the Trail X9 costs 1200 € at "));
            Assert.That(inserted, Does.Not.Contain("{").And.Not.Contain("/pri"), "variables filled in, the search text replaced");
        });

        await box.PressSequentiallyAsync(" See you Saturday!");
        await box.PressAsync("Control+Enter");

        var expected = inserted + " See you Saturday!";
        await Assertions.Expect(page.Locator("[data-test=message][data-sender=staff] [data-test=text]")).ToHaveTextAsync(expected);
        Assert.That(Meta.SentMessages.Where(m => m.Psid == psid).Select(m => m.Text), Is.EqualTo(new[] { expected }));
    }

    [Test]
    public async Task An_internal_note_is_shown_apart_from_messages_and_never_reaches_meta()
    {
        var page = await SignedInPageAsync();
        var psid = NewPsid();
        Meta.CustomerSendsMessage(SandboxSeed.MainPageId, psid, "I want to cancel my order");
        await OpenConversationAsync(page, psid);

        await page.Locator("[data-test=note-text]").FillAsync("VIP customer: offer free shipping before they cancel");
        await page.Locator("[data-test=add-note]").ClickAsync();

        var note = page.Locator("[data-test=internal-note]");
        await Assertions.Expect(note.Locator("[data-test=text]")).ToHaveTextAsync("VIP customer: offer free shipping before they cancel");
        await Assertions.Expect(note).ToContainTextAsync("not sent to the customer");
        await Assertions.Expect(page.Locator("[data-test=message][data-sender=staff]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-test=message]")).ToHaveCountAsync(1);

        Assert.That(Meta.SentMessages.Where(m => m.Psid == psid), Is.Empty, "the sandbox (Meta) never received the note");
        await using var scope = Site.App.ScopeFor(TestApp.AdminUserId);
        var audited = await Site.App.Db(scope).AuditEntries.CountAsync(a => a.Action == "internal_note" && a.SubjectId == ConversationIdOf(page));
        Assert.That(audited, Is.EqualTo(1), "the note is on the audit trail");
    }

    [Test]
    public async Task Search_finds_joao_from_Joao_and_a_resolved_conversation_is_found_in_the_resolved_list_and_reopened()
    {
        var page = await SignedInPageAsync();
        var joao = NewPsid();
        Meta.CustomerSendsMessage(SandboxSeed.MainPageId, joao, "Olá, aqui é o João Conceição: quero um orçamento");
        string other;
        do
        {
            // A customer the sandbox happens to name João would rightly be found too: the other one must not be.
            other = NewPsid();
            Meta.CustomerSendsMessage(SandboxSeed.MainPageId, other, "Hello, is the shop open on Sunday?");
        }
        while (Meta.GetSummary().Pages.Single(p => p.Id == SandboxSeed.MainPageId).Customers.Single(c => c.Psid == other).Name.StartsWith("João", StringComparison.Ordinal));
        await page.GotoAsync("/Inbox");
        await Assertions.Expect(Row(page, joao)).ToBeVisibleAsync();
        await Assertions.Expect(Row(page, other)).ToBeVisibleAsync();

        await page.Locator("[data-test=search]").FillAsync("Joao");
        await page.Locator("[data-test=filter]").ClickAsync();
        await Assertions.Expect(Row(page, joao)).ToBeVisibleAsync();
        await Assertions.Expect(Row(page, other)).ToHaveCountAsync(0);

        await page.GotoAsync("/Inbox?q=ORCAMENT");
        await Assertions.Expect(Row(page, joao)).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-test=conversation-row]")).ToHaveCountAsync(1);

        // Resolved: only Reopen is offered, no reply box and no "Release to the bot".
        await Row(page, joao).Locator("[data-test=open-conversation]").ClickAsync();
        await page.WaitForURLAsync("**/Inbox/Conversation/**");
        await page.Locator("[data-test=resolve]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-test=conversation-header]")).ToHaveAttributeAsync("data-state", "resolved");
        await Assertions.Expect(page.Locator("[data-test=reopen]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-test=reply-form]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-test=release]")).ToHaveCountAsync(0);

        await page.GotoAsync("/Inbox");
        await page.Locator("[data-test=tab-resolved]").ClickAsync();
        await page.Locator("[data-test=search]").FillAsync("joão");
        await page.Locator("[data-test=filter]").ClickAsync();
        await Assertions.Expect(Row(page, joao)).ToBeVisibleAsync();
        await Assertions.Expect(Row(page, joao)).ToHaveAttributeAsync("data-state", "resolved");

        await Row(page, joao).Locator("[data-test=open-conversation]").ClickAsync();
        await page.Locator("[data-test=reopen]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-test=conversation-header]")).ToHaveAttributeAsync("data-state", "human_active");
        await Assertions.Expect(page.Locator("[data-test=reply-text]")).ToBeEnabledAsync();
    }

    [Test]
    public async Task A_waiting_timer_turns_amber_then_red_as_the_clock_moves_and_the_list_sorts_by_longest_waiting()
    {
        var page = await SignedInPageAsync();
        var first = NewPsid();
        Meta.CustomerSendsMessage(SandboxSeed.MainPageId, first, "Anyone there?");
        await page.GotoAsync("/Inbox");
        var waited = Row(page, first).Locator("[data-test=waited]");
        await Assertions.Expect(waited).ToHaveAttributeAsync("data-level", "fine");

        _clock.Advance(TimeSpan.FromMinutes(16));
        var second = NewPsid();
        Meta.CustomerSendsMessage(SandboxSeed.MainPageId, second, "Hello?");
        await page.GotoAsync("/Inbox?sort=waiting");
        await Assertions.Expect(Row(page, second)).ToBeVisibleAsync();
        await Assertions.Expect(waited).ToHaveAttributeAsync("data-level", "amber");
        await Assertions.Expect(Row(page, second).Locator("[data-test=waited]")).ToHaveAttributeAsync("data-level", "fine");
        var order = await page.Locator("[data-test=conversation-row]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.psid)");
        Assert.That(Array.IndexOf(order, first), Is.LessThan(Array.IndexOf(order, second)), "longest waiting first");

        await Row(page, first).Locator("[data-test=open-conversation]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-test=conversation-header] [data-test=waited]")).ToHaveAttributeAsync("data-level", "amber");

        // The staff member's own thresholds: red after 10 minutes.
        await page.GotoAsync("/Inbox/Settings");
        await page.Locator("[data-test=amber-minutes]").FillAsync("5");
        await page.Locator("[data-test=red-minutes]").FillAsync("10");
        await page.Locator("[data-test=save-thresholds]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-test=notice]")).ToBeVisibleAsync();
        await page.GotoAsync("/Inbox");
        await Assertions.Expect(waited).ToHaveAttributeAsync("data-level", "red");
        await page.GotoAsync("/Inbox/Settings");
        await page.Locator("[data-test=amber-minutes]").FillAsync("15");
        await page.Locator("[data-test=red-minutes]").FillAsync("60");
        await page.Locator("[data-test=save-thresholds]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-test=notice]")).ToBeVisibleAsync();
    }

    [Test]
    public async Task The_customers_lead_is_shown_beside_the_thread_and_its_page_shows_the_same_person()
    {
        var phone = "+55 11 9" + (10000000 + Interlocked.Increment(ref _psids)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var email = $"maria.costa{_psids}@shop.test";
        var lead = await AddLeadAsync("Maria Costa", email, phone, "Test ride form");
        var sameByPhone = await AddLeadAsync("M. Costa", $"other{_psids}@elsewhere.test", "00" + phone[1..].Replace(" ", "-", StringComparison.Ordinal), "Newsletter form");
        var page = await SignedInPageAsync();
        var psid = NewPsid();
        Meta.CustomerSendsMessage(SandboxSeed.MainPageId, psid, $"Hi! I booked a test ride, my e-mail is {email.ToUpperInvariant()}");
        await OpenConversationAsync(page, psid);

        var card = page.Locator($"[data-test=customer-leads] [data-test=lead-card][data-lead-id='{lead}']");
        await Assertions.Expect(card).ToBeVisibleAsync();
        await Assertions.Expect(card.Locator("[data-test=lead-card-link]")).ToHaveTextAsync("Maria Costa");
        await Assertions.Expect(card.Locator("[data-test=lead-card-form]")).ToHaveTextAsync("Test ride form");
        await Assertions.Expect(card.Locator("[data-test=lead-card-match]")).ToHaveTextAsync("same e-mail");

        await card.Locator("[data-test=lead-card-link]").ClickAsync();
        await page.WaitForURLAsync($"**/Leads/{lead}");
        var samePerson = page.Locator("[data-test=same-person]");
        await Assertions.Expect(samePerson.Locator($"[data-test=lead-card][data-lead-id='{sameByPhone}'] [data-test=lead-card-match]")).ToHaveTextAsync("same phone");
        await Assertions.Expect(samePerson.Locator("[data-test=same-person-conversation]")).ToHaveCountAsync(1);
    }

    [Test]
    public async Task The_keyboard_moves_through_the_list_opens_escalates_and_resolves_and_question_mark_shows_help()
    {
        var page = await SignedInPageAsync();
        var psid = NewPsid();
        Meta.CustomerSendsMessage(SandboxSeed.MainPageId, psid, "Keyboard test");
        await page.GotoAsync($"/Inbox?q={psid}");
        await Assertions.Expect(Row(page, psid)).ToBeVisibleAsync();

        await page.Keyboard.PressAsync("?");
        await Assertions.Expect(page.Locator("[data-test=keyboard-help]")).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page.Locator("[data-test=keyboard-help]")).ToBeHiddenAsync();

        await page.Keyboard.PressAsync("j");
        await Assertions.Expect(Row(page, psid)).ToHaveAttributeAsync("data-selected", "true");
        await page.Keyboard.PressAsync("k");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/Inbox/Conversation/**");
        await Assertions.Expect(page.Locator("[data-test=conversation-header]")).ToHaveAttributeAsync("data-state", "bot");

        // The live update can show the new state before the page the escalation redirects to has loaded, and a key pressed
        // before then goes to the page being left: wait for that page.
        await page.RunAndWaitForResponseAsync(
            () => page.Keyboard.PressAsync("e"),
            r => r.Request.IsNavigationRequest && r.Request.Method == "GET" && r.Url.Contains("/Inbox/Conversation/", StringComparison.Ordinal));
        await page.WaitForLoadStateAsync(LoadState.Load);
        await Assertions.Expect(page.Locator("[data-test=conversation-header]")).ToHaveAttributeAsync("data-state", "needs_human");
        await page.Keyboard.PressAsync("r");
        await Assertions.Expect(page.Locator("[data-test=conversation-header]")).ToHaveAttributeAsync("data-state", "resolved");
    }

    private static string NewPsid() => "74" + (Environment.ProcessId % 10000).ToString("D4", System.Globalization.CultureInfo.InvariantCulture) +
        Interlocked.Increment(ref _psids).ToString("D10", System.Globalization.CultureInfo.InvariantCulture);

    private static ILocator Row(IPage page, string psid) => page.Locator($"[data-test=conversation-row][data-psid='{psid}']");

    private static string ConversationIdOf(IPage page) => page.Url.Split('/')[^1].Split('?')[0];

    private async Task<IPage> SignedInPageAsync()
    {
        var page = await Site.NewPageAsync();
        await BrowserApp.SignInAsync(page);
        return page;
    }

    private static async Task OpenConversationAsync(IPage page, string psid)
    {
        // By the row's link, not a click: the list re-renders itself once live updates connect, and a click landing
        // during that swap is lost (the other tests click on purpose, after the list has settled).
        await page.GotoAsync("/Inbox");
        var thread = await Row(page, psid).Locator("[data-test=open-conversation]").GetAttributeAsync("href");
        await page.GotoAsync(thread!);
        await Assertions.Expect(page.Locator("[data-live-status]").First).ToHaveAttributeAsync("data-live-state", "connected");
    }

    private async Task<long> AddLeadAsync(string name, string email, string phone, string formName)
    {
        await using var scope = Site.App.ScopeFor(TestApp.AdminUserId);
        var db = Site.App.Db(scope);
        var lead = new Lead
        {
            FacebookLeadId = "9" + Interlocked.Increment(ref _psids).ToString("D14", System.Globalization.CultureInfo.InvariantCulture),
            PageId = SandboxSeed.MainPageId,
            FormId = "5550001",
            FormName = formName,
            FullName = name,
            Email = email,
            Phone = phone,
            CreatedTime = _clock.GetUtcNow(),
            FirstSeenAt = _clock.GetUtcNow(),
            Source = LeadSource.Webhook,
        };
        lead.SetContactKeys();
        db.Leads.Add(lead);
        await db.SaveChangesAsync();
        return lead.Id;
    }
}
