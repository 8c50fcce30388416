using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using LeadOps.Domain.Conversations;
using LeadOps.GraphSandbox;
using LeadOps.IntegrationTests.Inbox.Support;

namespace LeadOps.IntegrationTests.Inbox;

/// <summary>The Inbox pages: order and filters, the state actions, the audit trail, and that each user sees only their own.</summary>
public sealed partial class InboxPageTests(DatabaseKind database) : InboxFixture(database)
{
    [Test]
    public async Task A_photo_of_a_few_megabytes_is_sent_from_the_thread_and_one_over_the_upload_limit_is_refused_on_the_page()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var id = await CustomerWritesAsync(staff, psid, "Can I see a photo of it?");
        using var browser = await App.SignedInClientAsync(staff.User);
        var path = $"/Inbox/Conversation/{id}";
        byte[] photo = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. new byte[3 * 1024 * 1024]];
        byte[] tooLarge = [.. "%PDF-1.4\n"u8, .. new byte[11 * 1024 * 1024]];

        var sent = await browser.PostMultipartAsync($"{path}?handler=Reply", new Dictionary<string, string> { ["Reply.Text"] = "Here it is:" }, new FormFile("Reply.File", "bike.png", "image/png", photo), path);
        var refused = await browser.PostMultipartAsync($"{path}?handler=Reply", new Dictionary<string, string> { ["Reply.Text"] = "And the manual" }, new FormFile("Reply.File", "manual.pdf", "application/pdf", tooLarge), path);

        Assert.Multiple(async () =>
        {
            Assert.That(sent.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await sent.Content.ReadAsStringAsync());
            Assert.That(SentTo(psid).Select(s => s.Attachment?.Bytes?.Length), Is.EqualTo(new int?[] { null, photo.Length }), "the text, then the photo itself");
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "the page comes back with its message");
            Assert.That(await refused.Content.ReadAsStringAsync(), Does.Contain("larger than 10 MB").And.Contain("And the manual"), "the typed text is kept");
        });
    }

    /// <summary>
    /// A message Meta delivers with nothing LeadOps can show (content Messenger does not pass on: its mid alone, or flagged
    /// <c>is_unsupported</c> as Meta's messaging webhooks flag it, as a boolean or the string "true"), as the sandbox sends
    /// it, is kept as the customer's message and says so in the thread and in the Inbox list instead of an empty bubble
    /// and an empty line.
    /// </summary>
    [TestCase(UnsupportedContent.Flagged)]
    [TestCase(UnsupportedContent.FlaggedAsString)]
    [TestCase(UnsupportedContent.MidOnly)]
    public async Task A_message_with_nothing_to_show_says_so_in_the_thread_and_the_inbox_list(UnsupportedContent form)
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var id = await CustomerWritesAsync(staff, psid, "Look at this");
        var mid = Meta.Customers.Writes(SandboxSeed.MainPageId, psid, new CustomerMessage { Unsupported = form });
        await WaitForMessageAsync(staff, psid, mid);
        using var browser = await App.SignedInClientAsync(staff.User);

        var html = await browser.GetStringAsync($"/Inbox/Conversation/{id}");
        var listed = await ConversationAsync(staff, id);
        var inbox = await browser.GetStringAsync($"/Inbox?q={psid}");

        Assert.Multiple(() =>
        {
            Assert.That(Regex.Count(html, "data-test=\"nothing-to-show\""), Is.EqualTo(1), "the empty message says so; the text message does not");
            Assert.That(html, Does.Contain("Messenger passed on nothing to show for this message: see it in Meta Business Suite."));
            Assert.That(listed.GetProperty("last_message_preview").GetString(), Is.EqualTo(MessengerMessage.NothingToShowText));
            Assert.That(inbox, Does.Contain($"data-test=\"preview\">{MessengerMessage.NothingToShowText}</td>"));
        });
    }

    /// <summary>
    /// A customer's reaction (<c>message_reactions</c>, action react) is shown on the message it is about, not as a
    /// message of its own: the thread's newest message stays the newest, with the reaction on it. The Inbox list's preview
    /// (the API's and the page's) is that message's text, whether the reaction is to the newest message or an older one.
    /// </summary>
    [Test]
    public async Task The_inbox_list_preview_after_a_reaction_is_what_the_thread_shows_last()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var id = await CustomerWritesAsync(staff, psid, "Do you have it in red?");
        await staff.Api.PostAsJsonAsync($"/api/conversations/{id}/messages", new { text = "We do, in every size." });
        var replyMid = Meta.SentMessages.Single(m => m.Psid == psid).MessageId;
        using var browser = await App.SignedInClientAsync(staff.User);

        Clock.Advance(TimeSpan.FromMinutes(1));
        Meta.Customers.Reacts(SandboxSeed.MainPageId, psid, replyMid, "\u2764\uFE0F", "love");
        var newest = await NewestAfterReactionAsync(staff, id, replyMid);
        await AssertListPreviewAsync(staff, browser, id, psid, newest, "We do, in every size.");

        Clock.Advance(TimeSpan.FromMinutes(1));
        var last = Meta.CustomerSendsMessage(SandboxSeed.MainPageId, psid, "Great, see you at 5");
        await WaitForMessageAsync(staff, psid, last);
        Clock.Advance(TimeSpan.FromMinutes(1));
        Meta.Customers.Reacts(SandboxSeed.MainPageId, psid, replyMid, "\U0001F44D", "like");
        newest = await NewestAfterReactionAsync(staff, id, replyMid, "\U0001F44D");
        await AssertListPreviewAsync(staff, browser, id, psid, newest, "Great, see you at 5");
    }

    /// <summary>Waits for the reaction to show on its message; returns the thread's newest message then.</summary>
    private static async Task<JsonElement> NewestAfterReactionAsync(Staff staff, Guid id, string reactedMid, string emoji = "\u2764\uFE0F")
    {
        await staff.Probe.WaitUntilAsync("the reaction on its message", async () =>
            (await MessagesAsync(staff, id)).Any(m => m.GetProperty("mid").GetString() == reactedMid &&
                m.GetProperty("reaction").ValueKind == JsonValueKind.Object && m.GetProperty("reaction").GetProperty("emoji").GetString() == emoji));
        return (await MessagesAsync(staff, id))[^1];
    }

    private async Task AssertListPreviewAsync(Staff staff, HttpClient browser, Guid id, string psid, JsonElement newest, string expected)
    {
        var listed = await staff.Api.GetFromJsonAsync<JsonElement>($"/api/conversations?page_id={SandboxSeed.MainPageId}&page_size=200");
        var item = listed.GetProperty("conversations").EnumerateArray().Single(c => c.GetProperty("id").GetGuid() == id);
        var inbox = await browser.GetStringAsync($"/Inbox?q={psid}");
        Assert.Multiple(() =>
        {
            Assert.That(newest.GetProperty("text").GetString(), Is.EqualTo(expected), "the thread shows the reaction on its message, not as a message");
            Assert.That(item.GetProperty("last_message_preview").GetString(), Is.EqualTo(newest.GetProperty("text").GetString()), "the list follows the thread");
            Assert.That(inbox, Does.Contain($"data-test=\"preview\">{expected}</td>"));
        });
    }

    /// <summary>
    /// The old page's live refresh (or another tab's) can be fetched while the browser follows an action's redirect (the
    /// change is pushed as soon as it commits), before or after the page it leads to: it must neither take the notice
    /// from that page nor write the notice's cookie back, which would show it again on the next page.
    /// </summary>
    [Test]
    public async Task A_live_refresh_neither_takes_nor_writes_back_the_notice_an_action_leaves_for_its_page()
    {
        var staff = await NewStaffAsync();
        var id = await CustomerWritesAsync(staff, NewPsid(), "Hello");
        using var browser = await App.SignedInClientAsync(staff.User);
        var path = $"/Inbox/Conversation/{id}";
        const string Shown = "role=\"status\">The conversation needs a person now.</div>";

        var escalated = await browser.PostFormAsync($"{path}?handler=Escalate", new Dictionary<string, string> { ["Reason"] = "asks for a person" }, formPage: path);
        Assert.That(escalated.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var refreshes = new List<HttpResponseMessage>();
        foreach (var live in new[] { $"{path}?handler=Live", "/Inbox?handler=List", "/Leads?handler=List" }) // the leads list: live in another tab
        {
            refreshes.Add(await browser.GetAsync(live));
        }

        var page = await browser.GetStringAsync(escalated.Headers.Location);
        var again = await browser.GetStringAsync(path);

        Assert.Multiple(() =>
        {
            Assert.That(refreshes.Select(r => r.StatusCode), Has.All.EqualTo(HttpStatusCode.OK));
            Assert.That(refreshes.SelectMany(r => r.Headers.TryGetValues("Set-Cookie", out var set) ? set : []).Where(c => c.Contains("TempData", StringComparison.Ordinal)), Is.Empty,
                "a refresh leaves the notice's cookie as it found it");
            Assert.That(page, Does.Contain(Shown), "the page the action returns to says what happened");
            Assert.That(again, Does.Not.Contain(Shown), "once");
        });
    }

    [Test]
    public async Task The_list_puts_needs_human_first_longest_waiting_first_and_shows_each_window()
    {
        var staff = await NewStaffAsync();
        var (old, older, chatting) = (NewPsid(), NewPsid(), NewPsid());
        var olderId = await CustomerWritesAsync(staff, older, "Waiting the longest");
        Clock.Advance(TimeSpan.FromHours(30));
        var oldId = await CustomerWritesAsync(staff, old, "Waiting a while");
        Clock.Advance(TimeSpan.FromHours(2));
        var chattingId = await CustomerWritesAsync(staff, chatting, "Just chatting with the bot");
        foreach (var psid in new[] { old, older })
        {
            var escalate = await staff.Api.PostAsJsonAsync("/api/conversations/escalate", new { page_id = SandboxSeed.MainPageId, psid });
            Assert.That(escalate.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        var list = await staff.Api.GetFromJsonAsync<JsonElement>("/api/conversations");
        var rows = list.GetProperty("conversations").EnumerateArray().ToList();
        Assert.That(rows.Select(r => r.GetProperty("id").GetGuid()), Is.EqualTo(new[] { olderId, oldId, chattingId }));
        Assert.Multiple(() =>
        {
            Assert.That(rows[0].GetProperty("waited").GetString(), Is.EqualTo("1 d 8 h"));
            Assert.That(rows[0].GetProperty("window").GetProperty("kind").GetString(), Is.EqualTo("human_agent"));
            Assert.That(rows[0].GetProperty("window").GetProperty("text").GetString(), Does.StartWith("Human agent tag until "));
            Assert.That(rows[1].GetProperty("window").GetProperty("text").GetString(), Is.EqualTo("22 h left"));
        });

        using var browser = await App.SignedInClientAsync(staff.User);
        var html = await browser.GetStringAsync("/Inbox");
        var order = ConversationRow().Matches(html).Select(m => Guid.Parse(m.Groups[1].Value)).ToList();
        Assert.That(order, Is.EqualTo(new[] { olderId, oldId, chattingId }));
        Assert.That(html, Does.Contain("Human agent tag until ").And.Contain("22 h left").And.Contain("Needs human"));

        var filtered = await browser.GetStringAsync("/Inbox?state=bot");
        Assert.That(ConversationRow().Matches(filtered).Select(m => Guid.Parse(m.Groups[1].Value)), Is.EqualTo(new[] { chattingId }));
        var otherPage = await browser.GetStringAsync("/Inbox?page_id=108240000000099");
        Assert.That(otherPage, Does.Contain("No conversations match these filters."));
    }

    [Test]
    public async Task Staff_escalate_take_release_and_resolve_from_the_page_and_every_action_is_audited_for_its_owner_only()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var id = await CustomerWritesAsync(staff, psid, "Hello");
        using var browser = await App.SignedInClientAsync(staff.User);
        var path = $"/Inbox/Conversation/{id}";

        foreach (var (handler, state, notice) in new[]
        {
            ("Escalate", "needs_human", "The conversation needs a person now."), ("Take", "human_active", "You have taken the conversation."),
            ("Release", "bot", "The conversation is back with the bot."), ("Resolve", "resolved", "The conversation is resolved."),
        })
        {
            var response = await browser.PostFormAsync($"{path}?handler={handler}", new Dictionary<string, string> { ["Reason"] = "checking" }, formPage: path);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), handler);
            Assert.That((await ConversationAsync(staff, id)).GetProperty("state").GetString(), Is.EqualTo(state), handler);
            Assert.That(await browser.GetStringAsync(response.Headers.Location), Does.Contain($"role=\"status\">{notice}</div>"), $"{handler} is confirmed on the page it returns to");
        }

        var reply = await staff.Api.PostAsJsonAsync($"/api/conversations/{id}/messages", new { text = "Anything else?" });
        Assert.That(reply.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var audit = await browser.GetStringAsync("/Audit");
        // The conversation's rows (signing in and connecting the page are audited too).
        var actions = AuditAction().Matches(audit).Select(m => (m.Groups[1].Value, m.Groups[2].Value)).Where(a => a.Item1 is not ("sign_in" or "connect")).ToList();
        Assert.That(actions, Is.EqualTo(new[]
        {
            ("send_message", "sent"), ("resolve", "ok"), ("release", "ok"), ("take", "ok"), ("escalate", "ok"),
        }), "newest first: who did what, and how it ended");
        Assert.That(audit, Does.Contain(staff.User.Email).And.Contain(id.ToString()[..8]));
        Assert.That(audit, Does.Not.Contain("Anything else?"), "the audit trail never holds message text");

        var bob = await App.NewUserAsync();
        using var bobBrowser = await App.SignedInClientAsync(bob);
        var bobsAudit = await bobBrowser.GetStringAsync("/Audit");
        Assert.That(AuditAction().Matches(bobsAudit).Select(m => m.Groups[1].Value), Is.EqualTo(new[] { "sign_in" }), "only Bob's own sign-in");
        Assert.That(bobsAudit, Does.Not.Contain(id.ToString()[..8]).And.Not.Contain(staff.User.Email));
    }

    [Test]
    public async Task Another_users_conversation_is_invisible_404_everywhere_and_its_changes_are_not_pushed_to_them()
    {
        var alice = await NewStaffAsync();
        var bobUser = await App.NewUserAsync();
        using var bobApi = App.ApiClient(bobUser);
        await using var bobProbe = await InboxProbe.ConnectAsync(App, bobUser);
        var id = await CustomerWritesAsync(alice, NewPsid(), "Private question");
        using var bobBrowser = await App.SignedInClientAsync(bobUser);

        var list = await bobApi.GetFromJsonAsync<JsonElement>("/api/conversations");
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(list.GetProperty("total").GetInt32(), Is.Zero);
            Assert.That((await bobApi.GetAsync($"/api/conversations/{id}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That((await bobApi.GetAsync($"/api/conversations/{id}/messages")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That((await bobApi.PostAsync($"/api/conversations/{id}/take", null)).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That((await bobApi.PostAsJsonAsync($"/api/conversations/{id}/messages", new { text = "hi" })).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That((await bobBrowser.GetAsync($"/Inbox/Conversation/{id}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(await bobBrowser.GetStringAsync("/Inbox"), Does.Not.Contain(id.ToString()));
        });

        // Alice's next change reaches her; by then Bob would have had it too if it were sent to him.
        await alice.Api.PostAsync($"/api/conversations/{id}/take", null);
        await alice.Probe.WaitUntilAsync("Alice's take", () => Task.FromResult(alice.Probe.Changes.Any(c => c.ConversationId == id && c.Kind == "conversation")));
        Assert.That(bobProbe.Changes, Is.Empty);
    }

    [Test]
    public async Task The_hub_refuses_a_connection_without_a_signed_in_user()
    {
        using var client = App.CreateClient();
        var negotiate = await client.PostAsync("/hubs/inbox/negotiate?negotiateVersion=1", null);
        Assert.That(negotiate.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [GeneratedRegex("data-test=\"conversation-row\" data-conversation-id=\"([0-9a-f-]{36})\"")]
    private static partial Regex ConversationRow();

    [GeneratedRegex("data-test=\"audit-entry\" data-action=\"([a-z_]+)\" data-outcome=\"([a-z_]+)\"")]
    private static partial Regex AuditAction();
}
