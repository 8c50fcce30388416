using System.Net.Http.Json;
using System.Text.Json;
using LeadOps.GraphSandbox;
using LeadOps.IntegrationTests.Inbox.Support;

namespace LeadOps.IntegrationTests.Inbox;

/// <summary>
/// Thread control with a bot app configured (<c>Messenger:BotAppId</c>, ADR 0012): releasing passes control to the bot,
/// taking takes it back, the bot passing the thread to LeadOps asks for a person; Meta refusing (Conversation Routing)
/// never undoes what staff did, and the thread says why.
/// </summary>
public sealed class ThreadControlTests(DatabaseKind database) : InboxFixture(database)
{
    private const string BotAppId = "880011223344556";
    private const string Page = SandboxSeed.MainPageId;

    protected override TestAppBuilder Configure(TestAppBuilder app) => base.Configure(app).WithSetting("Messenger:BotAppId", BotAppId);

    [Test]
    public async Task Releasing_passes_thread_control_to_the_bot_and_taking_takes_it_back()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var id = await CustomerWritesAsync(staff, psid, "I need a person");

        var taken = await staff.Api.PostAsync($"/api/conversations/{id}/take", null);
        Assert.That((await taken.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("thread_owner").GetProperty("name").GetString(), Is.EqualTo("LeadOps"));
        var released = await staff.Api.PostAsync($"/api/conversations/{id}/release", null);
        var conversation = await released.Content.ReadFromJsonAsync<JsonElement>();

        var calls = Meta.Customers.ThreadControlCalls.Where(c => c.Psid == psid).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(calls.Select(c => (c.Action, c.TargetAppId, c.Granted)), Is.EqualTo(new[]
            {
                ("take_thread_control", (string?)null, true),
                ("pass_thread_control", (string?)BotAppId, true),
            }));
            Assert.That(conversation.GetProperty("state").GetString(), Is.EqualTo("bot"));
            Assert.That(conversation.GetProperty("thread_owner").GetProperty("name").GetString(), Is.EqualTo("the bot"));
        });

        var notes = (await MessagesAsync(staff, id)).Where(m => m.GetProperty("kind").GetString() == "note").Select(m => m.GetProperty("text").GetString());
        Assert.That(notes, Is.EqualTo(new[] { "LeadOps took thread control.", "LeadOps passed thread control to the bot." }));
        Assert.That((await ThreadControlAuditAsync(staff, id)).Select(a => a.Outcome), Is.EqualTo(new[] { "ok", "ok" }));
    }

    /// <summary>
    /// Meta's Conversation Control guide (messenger-platform/handover-protocol/conversation-control) prints a granted take as
    /// <c>{"data":[{"thread_owner":{"app_id":APP-ID,"expiration":UNIX-TIMESTAMP}}]}</c>, where the Take Thread Control reference
    /// prints <c>{"success":true}</c>: either is Meta granting it, and LeadOps holds the thread.
    /// </summary>
    [Test]
    public async Task A_take_meta_answers_with_the_thread_owner_is_granted()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var id = await CustomerWritesAsync(staff, psid, "I need a person");
        Meta.Customers.AnswerTakeWithThreadOwner(Page);
        try
        {
            var taken = await (await staff.Api.PostAsync($"/api/conversations/{id}/take", null)).Content.ReadFromJsonAsync<JsonElement>();

            var note = (await MessagesAsync(staff, id)).Last(m => m.GetProperty("kind").GetString() == "note");
            Assert.Multiple(() =>
            {
                Assert.That(note.GetProperty("text").GetString(), Is.EqualTo("LeadOps took thread control."));
                Assert.That(taken.GetProperty("thread_owner").GetProperty("name").GetString(), Is.EqualTo("LeadOps"));
                Assert.That(Meta.Customers.ThreadControlCalls.Single(c => c.Psid == psid).Granted, Is.True);
            });
        }
        finally
        {
            Meta.Customers.AnswerTakeWithThreadOwner(Page, on: false);
        }
    }

    [Test]
    public async Task When_meta_routes_the_pages_conversations_itself_the_release_stands_and_the_thread_says_why()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var id = await CustomerWritesAsync(staff, psid, "Hello");
        Assert.That((await staff.Api.PostAsJsonAsync("/api/conversations/escalate", new { page_id = Page, psid })).StatusCode, Is.EqualTo(System.Net.HttpStatusCode.OK), "escalated");
        Meta.Customers.RouteConversationsByMeta(Page);
        try
        {
            var released = await (await staff.Api.PostAsync($"/api/conversations/{id}/release", null)).Content.ReadFromJsonAsync<JsonElement>();

            var note = (await MessagesAsync(staff, id)).Last(m => m.GetProperty("kind").GetString() == "note");
            Assert.Multiple(() =>
            {
                Assert.That(released.GetProperty("state").GetString(), Is.EqualTo("bot"), "staff released it: that stands");
                Assert.That(note.GetProperty("text").GetString(), Is.EqualTo("Passing thread control to the bot did not happen: Meta routes this page's conversations itself (Conversation Routing)"));
                Assert.That(Meta.Customers.ThreadControlCalls.Single(c => c.Psid == psid).Granted, Is.False);
            });
        }
        finally
        {
            Meta.Customers.RouteConversationsByMeta(Page, routed: false);
        }
    }

    [Test]
    public async Task The_bot_passing_the_thread_to_leadops_asks_for_a_person()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var id = await CustomerWritesAsync(staff, psid, "The bot cannot help me");

        Meta.Customers.Handover(Page, psid, "pass_thread_control", BotAppId, Meta.Options.AppId, "customer asked for an agent");
        await staff.Probe.WaitUntilAsync("the escalation", async () => (await ConversationAsync(staff, id)).GetProperty("state").GetString() == "needs_human");

        var conversation = await ConversationAsync(staff, id);
        Assert.Multiple(() =>
        {
            Assert.That(conversation.GetProperty("escalation_reason").GetString(), Is.EqualTo("The bot passed the conversation to LeadOps: customer asked for an agent"));
            Assert.That(conversation.GetProperty("thread_owner").GetProperty("name").GetString(), Is.EqualTo("LeadOps"));
        });
    }

    [Test]
    public async Task A_request_for_the_thread_and_the_page_inbox_taking_it_are_noted()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var id = await CustomerWritesAsync(staff, psid, "Hello");

        Meta.Customers.Handover(Page, psid, "request_thread_control", null, BotAppId, "the bot wants it back");
        Meta.Customers.Handover(Page, psid, "take_thread_control", Meta.Options.AppId, CustomerActions.PageInboxAppId, null, new MessengerShape { Envelope = MessengerEnvelope.Changes });
        await staff.Probe.WaitUntilAsync("both notes", async () => (await MessagesAsync(staff, id)).Count(m => m.GetProperty("kind").GetString() == "handover") == 2);

        var notes = (await MessagesAsync(staff, id)).Where(m => m.GetProperty("kind").GetString() == "handover").Select(m => m.GetProperty("text").GetString());
        Assert.That(notes, Is.EqualTo(new[]
        {
            "The bot asks for thread control (the bot wants it back)",
            "Meta Business Suite took thread control from LeadOps",
        }));
        Assert.That((await ConversationAsync(staff, id)).GetProperty("thread_owner").GetProperty("name").GetString(), Is.EqualTo("Meta Business Suite"));
    }

    /// <summary>
    /// Handovers as Meta's messaging_handovers reference prints them where neither party is the page: request_thread_control
    /// (and the older text's take_thread_control) with <c>"sender":{"id":"&lt;USER_ID&gt;"}</c> and
    /// <c>"recipient":{"id":"&lt;PSID&gt;"}</c>, the older take with no <c>new_owner_app_id</c> ("thread ownership … has been taken
    /// away from your application"). The notes go into the customer's thread, no conversation is started with the other id,
    /// and a take that names no new owner says another app took the thread, not "no app".
    /// </summary>
    [Test]
    public async Task Handovers_naming_the_customer_as_recipient_are_noted_in_the_customers_thread()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var requester = NewPsid();
        var id = await CustomerWritesAsync(staff, psid, "Hello");
        var at = Clock.GetUtcNow().ToUnixTimeMilliseconds();
        await PostSignedWebhookAsync($$$"""
            {"object":"page","entry":[{"id":"{{{Page}}}","time":{{{at}}},"messaging":[
              {"sender":{"id":"{{{requester}}}"},"recipient":{"id":"{{{psid}}}"},"timestamp":{{{at}}},"request_thread_control":{"requested_owner_app_id":{{{BotAppId}}},"metadata":"additional content that the caller wants to set"}},
              {"sender":{"id":"{{{requester}}}"},"recipient":{"id":"{{{psid}}}"},"timestamp":{{{at + 1000}}},"take_thread_control":{"previous_owner_app_id":"{{{Meta.Options.AppId}}}","metadata":"additional content that the caller wants to set"}}
            ]}]}
            """);
        await ProcessedAsync(staff);

        var notes = (await MessagesAsync(staff, id)).Where(m => m.GetProperty("kind").GetString() == "handover").Select(m => m.GetProperty("text").GetString());
        Assert.Multiple(async () =>
        {
            Assert.That(notes, Is.EqualTo(new[]
            {
                "The bot asks for thread control (additional content that the caller wants to set)",
                "Another app took thread control from LeadOps (additional content that the caller wants to set)",
            }));
            Assert.That(await FindConversationAsync(staff, requester), Is.Null, "no conversation with the requester's id");
        });
    }

    /// <summary>
    /// A person taking the thread in Meta Business Suite: take_thread_control with the Page inbox (263902037430900) as
    /// <c>new_owner_app_id</c>, as the Conversation Control guide and the current messaging_handovers reference print it. A
    /// conversation waiting for a person is then with that person, as when they answer there: Human active, assigned to Meta
    /// Business Suite, so staff do not answer twice.
    /// </summary>
    [Test]
    public async Task The_page_inbox_taking_a_waiting_conversation_puts_it_with_meta_business_suite()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var id = await CustomerWritesAsync(staff, psid, "Can a person help me?");
        Assert.That((await staff.Api.PostAsJsonAsync("/api/conversations/escalate", new { page_id = Page, psid })).StatusCode, Is.EqualTo(System.Net.HttpStatusCode.OK), "escalated");

        Meta.Customers.Handover(Page, psid, "take_thread_control", BotAppId, CustomerActions.PageInboxAppId, "Information about the conversation");
        await staff.Probe.WaitUntilAsync("the take", async () => (await MessagesAsync(staff, id)).Any(m => m.GetProperty("kind").GetString() == "handover"));

        var conversation = await ConversationAsync(staff, id);
        Assert.Multiple(() =>
        {
            Assert.That(conversation.GetProperty("state").GetString(), Is.EqualTo("human_active"));
            Assert.That(conversation.GetProperty("assigned_to").GetProperty("name").GetString(), Is.EqualTo("Meta Business Suite"));
            Assert.That(conversation.GetProperty("thread_owner").GetProperty("name").GetString(), Is.EqualTo("Meta Business Suite"));
        });

        Assert.That(await ThreadControlAuditAsync(staff, id), Is.EqualTo(new[] { ("ok", (string?)TakenInPageInbox) }), "the move to Human active is on the audit trail");
        using var browser = await App.SignedInClientAsync(staff.User);
        var auditPage = System.Net.WebUtility.HtmlDecode(await browser.GetStringAsync("/Audit"));
        Assert.That(auditPage, Does.Contain(TakenInPageInbox).And.Contain($"/Inbox/Conversation/{id}"), "the Audit page lists it with the conversation's other rows");
    }

    private const string TakenInPageInbox = "take by Meta Business Suite: a person there has the conversation (Human active)";

    /// <summary>
    /// A bot passing the thread to the Page inbox asks for a person in Meta's inbox: nobody has answered, so a conversation
    /// waiting in LeadOps keeps waiting (only the recorded owner moves).
    /// </summary>
    [Test]
    public async Task A_pass_to_the_page_inbox_leaves_a_waiting_conversation_waiting()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var id = await CustomerWritesAsync(staff, psid, "Can a person help me?");
        Assert.That((await staff.Api.PostAsJsonAsync("/api/conversations/escalate", new { page_id = Page, psid })).StatusCode, Is.EqualTo(System.Net.HttpStatusCode.OK), "escalated");

        Meta.Customers.Handover(Page, psid, "pass_thread_control", BotAppId, CustomerActions.PageInboxAppId, "customer asked for a person");
        await staff.Probe.WaitUntilAsync("the pass", async () => (await MessagesAsync(staff, id)).Any(m => m.GetProperty("kind").GetString() == "handover"));

        var conversation = await ConversationAsync(staff, id);
        Assert.Multiple(() =>
        {
            Assert.That(conversation.GetProperty("state").GetString(), Is.EqualTo("needs_human"));
            Assert.That(conversation.GetProperty("thread_owner").GetProperty("name").GetString(), Is.EqualTo("Meta Business Suite"));
        });
    }
}
