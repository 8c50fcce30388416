using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using LeadOps.GraphSandbox;
using LeadOps.IntegrationTests.Inbox.Support;

namespace LeadOps.IntegrationTests.Inbox;

/// <summary>
/// Thread control as Meta tells it in the forms nobody configured LeadOps for (ADR 0012): the older messaging_handovers
/// reference's take with no <c>new_owner_app_id</c>, a request naming no app, <c>app_roles</c>, and the standby channel on
/// which a customer's events arrive while another app controls the thread (its entry named by the customer, as the standby
/// reference's field table describes it). Nothing is lost, and LeadOps never believes it holds a thread Meta says it does not.
/// </summary>
public sealed class StandbyAndOlderHandoverTests(DatabaseKind database) : InboxFixture(database)
{
    private const string BotAppId = "880011223344556";
    private const string Page = SandboxSeed.MainPageId;
    private static readonly MessengerShape OnStandby = new() { Envelope = MessengerEnvelope.Standby };

    protected override TestAppBuilder Configure(TestAppBuilder app) => base.Configure(app).WithSetting("Messenger:BotAppId", BotAppId);

    /// <summary>
    /// The bot passes the thread to LeadOps, then takes it back in the older form ("thread ownership for a user has been
    /// taken away from your application": <c>previous_owner_app_id</c>, no <c>new_owner_app_id</c>). LeadOps no longer holds
    /// it, so staff taking the conversation ask Meta for the thread again.
    /// </summary>
    [Test]
    public async Task A_take_naming_no_new_owner_takes_the_thread_from_leadops_and_staff_taking_it_ask_meta_again()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var id = await CustomerWritesAsync(staff, psid, "I want a person");
        Meta.Customers.Handover(Page, psid, "pass_thread_control", BotAppId, Meta.Options.AppId, "customer asked for an agent");
        await staff.Probe.WaitUntilAsync("the escalation", async () => (await ConversationAsync(staff, id)).GetProperty("state").GetString() == "needs_human");

        Clock.Advance(TimeSpan.FromSeconds(5));
        Meta.Customers.Handover(Page, psid, "take_thread_control", Meta.Options.AppId, null, "the bot took it back");
        await staff.Probe.WaitUntilAsync("the take", async () => (await MessagesAsync(staff, id)).Count(m => m.GetProperty("kind").GetString() == "handover") == 2);

        var owner = (await ConversationAsync(staff, id)).GetProperty("thread_owner");
        Assert.Multiple(async () =>
        {
            Assert.That(owner.GetProperty("name").GetString(), Is.EqualTo("another app"));
            Assert.That(owner.GetProperty("app_id").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That((await MessagesAsync(staff, id)).Last(m => m.GetProperty("kind").GetString() == "handover").GetProperty("text").GetString(),
                Is.EqualTo("Another app took thread control from LeadOps (the bot took it back)"));
        });

        Clock.Advance(TimeSpan.FromSeconds(5));
        await staff.Api.PostAsync($"/api/conversations/{id}/take", null);
        Assert.That(Meta.Customers.ThreadControlCalls.Where(c => c.Psid == psid).Select(c => c.Action), Is.EqualTo(new[] { "take_thread_control" }));
    }

    /// <summary>
    /// LeadOps took the thread; then the customer's next message arrives on standby (the take expired, or Meta routed the
    /// thread elsewhere without a handover event). The message is kept, the header no longer says LeadOps holds the thread,
    /// and staff taking the conversation again ask Meta for it.
    /// </summary>
    [Test]
    public async Task A_message_on_standby_after_leadops_took_the_thread_is_kept_and_the_next_take_asks_meta_again()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var id = await CustomerWritesAsync(staff, psid, "Hello");
        await staff.Api.PostAsync($"/api/conversations/{id}/take", null);

        Clock.Advance(TimeSpan.FromSeconds(5));
        var mid = Meta.Customers.Writes(Page, psid, new CustomerMessage("Are you still there?"), OnStandby);
        await WaitForMessageAsync(staff, psid, mid);
        Assert.That((await ConversationAsync(staff, id)).GetProperty("thread_owner").GetProperty("name").GetString(), Is.EqualTo("another app"));

        await staff.Api.PostAsync($"/api/conversations/{id}/release", null);
        Clock.Advance(TimeSpan.FromSeconds(5));
        var calls = Meta.Customers.ThreadControlCalls.Count(c => c.Psid == psid);
        Meta.Customers.Writes(Page, psid, new CustomerMessage("Hello?"), OnStandby);
        await ProcessedAsync(staff);
        Assert.That(Meta.Customers.ThreadControlCalls.Count(c => c.Psid == psid), Is.EqualTo(calls), "a standby message while the bot holds the thread calls nothing");
    }

    /// <summary>
    /// While the bot holds the thread (LeadOps released it), Meta sends the customer's messages and taps to LeadOps on
    /// standby, a tap without its payload; both are kept in the conversation, which stays with the bot.
    /// </summary>
    [Test]
    public async Task While_the_bot_holds_the_thread_messages_and_taps_come_on_standby_and_are_kept()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var id = await CustomerWritesAsync(staff, psid, "Hello");
        await staff.Api.PostAsync($"/api/conversations/{id}/take", null);
        await staff.Api.PostAsync($"/api/conversations/{id}/release", null);
        Assert.That(Meta.Customers.ThreadControlCalls.Last(c => c.Psid == psid).TargetAppId, Is.EqualTo(BotAppId), "passed to the bot");

        var mid = Meta.Customers.Writes(Page, psid, new CustomerMessage("What are your opening hours?"));
        var tap = Meta.Customers.Taps(Page, psid, "Opening hours", "HOURS");
        await WaitForMessageAsync(staff, psid, tap);

        var deliveries = App.Webhooks.Received.Select(w => Encoding.UTF8.GetString(w.Body)).Where(b => b.Contains(mid, StringComparison.Ordinal) || b.Contains(tap, StringComparison.Ordinal)).ToList();
        var thread = await MessagesAsync(staff, id);
        Assert.Multiple(async () =>
        {
            Assert.That(deliveries.Select(b => JsonDocument.Parse(b).RootElement.GetProperty("entry")[0].TryGetProperty("standby", out _)), Is.EqualTo(new[] { true, true }));
            Assert.That(deliveries[1], Does.Not.Contain("HOURS"), "Meta leaves a tap's payload out on standby");
            Assert.That(thread.Select(m => m.GetProperty("mid").GetString()), Does.Contain(mid).And.Contain(tap));
            Assert.That((await ConversationAsync(staff, id)).GetProperty("state").GetString(), Is.EqualTo("bot"));
        });
    }

    /// <summary>
    /// The standby reference's field table calls the entry's id "The PSID of the user that triggered the webhook event"
    /// (its sample prints the page): such an entry's message, tap and read are still the customer's, on the connected page.
    /// </summary>
    [Test]
    public async Task A_standby_entry_named_by_the_customer_still_reaches_the_customers_conversation()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var named = new MessengerShape { Envelope = MessengerEnvelope.Standby, EntryIdIsCustomer = true };
        var mid = Meta.Customers.Writes(Page, psid, new CustomerMessage("Sent while the bot has the thread"), named);
        var tap = Meta.Customers.Taps(Page, psid, "Get Started", "GET_STARTED", shape: named);
        var id = await WaitForMessageAsync(staff, psid, tap);

        Assert.Multiple(async () =>
        {
            Assert.That(App.Webhooks.Received.Select(w => w.Json).Any(b => b.GetProperty("entry")[0].GetProperty("id").GetString() == psid), Is.True, "the entry names the customer");
            Assert.That((await MessagesAsync(staff, id)).Select(m => m.GetProperty("mid").GetString()), Is.EqualTo(new[] { mid, tap }));
            Assert.That(await FindConversationAsync(staff, Page), Is.Null, "no conversation with the page as the customer");
        });
    }

    /// <summary>
    /// A request that names no app says another app asks (not "no app (idle)"); <c>app_roles</c>, page-wide with no sender,
    /// is skipped without an error and starts no conversation.
    /// </summary>
    [Test]
    public async Task A_request_naming_no_app_is_noted_and_app_roles_are_skipped_safely()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var id = await CustomerWritesAsync(staff, psid, "Hello");
        var before = (await staff.Api.GetFromJsonAsync<JsonElement>($"/api/conversations?page_id={Page}&page_size=200")).GetProperty("conversations").GetArrayLength();

        Meta.Customers.Handover(Page, psid, "request_thread_control", null, null);
        Meta.Customers.ChangesAppRoles(Page, new Dictionary<string, string[]> { [BotAppId] = ["primary_receiver"], [Meta.Options.AppId] = ["secondary_receiver"] });
        Meta.Customers.ChangesAppRoles(Page, new Dictionary<string, string[]> { [BotAppId] = ["primary_receiver"] }, new MessengerShape { Envelope = MessengerEnvelope.Changes });
        await ProcessedAsync(staff);

        var notes = (await MessagesAsync(staff, id)).Where(m => m.GetProperty("kind").GetString() == "handover").Select(m => m.GetProperty("text").GetString());
        var after = (await staff.Api.GetFromJsonAsync<JsonElement>($"/api/conversations?page_id={Page}&page_size=200")).GetProperty("conversations").GetArrayLength();
        Assert.Multiple(() =>
        {
            Assert.That(notes, Is.EqualTo(new[] { "Another app asks for thread control" }));
            Assert.That(App.Webhooks.Received.Count(w => Encoding.UTF8.GetString(w.Body).Contains("\"app_roles\"", StringComparison.Ordinal)), Is.EqualTo(2));
            Assert.That(after, Is.EqualTo(before + 1), "only the marker's conversation is new");
        });
    }
}
