using System.Net.Http.Json;
using System.Text.Json;
using LeadOps.GraphSandbox;
using LeadOps.IntegrationTests.Inbox.Support;

namespace LeadOps.IntegrationTests.Inbox;

/// <summary>
/// The page's Messenger standing with Meta, from the sandbox: a policy warning and a block (sends refused with Meta's
/// reason, on the integration page and in the thread), and customers' profiles (names and pictures, read at most once a
/// day; when Meta refuses, the "Customer …1234" label stays and the integration page says why).
/// </summary>
public sealed class PolicyAndProfileTests(DatabaseKind database) : InboxFixture(database)
{
    private const string Page = SandboxSeed.MainPageId;

    [Test]
    public async Task A_policy_warning_and_a_block_show_on_the_integration_page_and_the_block_refuses_replies_in_the_thread()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var id = await CustomerWritesAsync(staff, psid, "Hello");
        var integrationId = (await staff.Api.GetFromJsonAsync<JsonElement>("/api/integrations")).GetProperty("integrations")[0].GetProperty("id").GetInt32();
        using var browser = await App.SignedInClientAsync(staff.User);
        try
        {
            Meta.Customers.EnforcesPolicy(Page, "warning", "Too many messages were reported as spam.", new MessengerShape { Envelope = MessengerEnvelope.Changes, Time = MessengerTimeForm.SecondsString });
            await ProcessedAsync(staff);
            var warned = await browser.GetStringAsync($"/Integrations/{integrationId}");
            Assert.That(warned, Does.Contain("Too many messages were reported as spam.").And.Contain("Warning"));
            Assert.That((await DetailAsync(staff, id)).GetProperty("can_reply").GetBoolean(), Is.True, "a warning does not stop replies");

            Clock.Advance(TimeSpan.FromMinutes(1));
            Meta.Customers.EnforcesPolicy(Page, "block", "The page violated the Messenger Platform Policies.");
            await ProcessedAsync(staff);
            var thread = await browser.GetStringAsync($"/Inbox/Conversation/{id}");
            var detail = await DetailAsync(staff, id);
            Assert.Multiple(() =>
            {
                Assert.That(thread, Does.Contain("data-test=\"messaging-blocked\"").And.Contain("The page violated the Messenger Platform Policies."));
                Assert.That(thread, Does.Match("<textarea[^>]*disabled"));
                Assert.That(detail.GetProperty("can_reply").GetBoolean(), Is.False);
                Assert.That(detail.GetProperty("reply_note").GetString(), Is.EqualTo("Meta blocked this page from messaging: The page violated the Messenger Platform Policies."));
            });
        }
        finally
        {
            Clock.Advance(TimeSpan.FromMinutes(1));
            Meta.Customers.EnforcesPolicy(Page, "unblock", null);
            await ProcessedAsync(staff);
        }

        Assert.That((await DetailAsync(staff, id)).GetProperty("can_reply").GetBoolean(), Is.True, "unblock lifts it");
    }

    [Test]
    public async Task A_customer_shows_with_the_name_and_picture_of_their_profile_read_at_most_once_a_day()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var id = await CustomerWritesAsync(staff, psid, "Hello");
        await CustomerWritesAsync(staff, psid, "Are you there?");

        var conversation = await ConversationAsync(staff, id);
        var name = Meta.GetSummary().Pages.Single(p => p.Id == Page).Customers.Single(c => c.Psid == psid).Name;
        var picture = conversation.GetProperty("customer_picture_url").GetString()!;
        using var image = await staff.Api.GetAsync(picture);
        Assert.Multiple(() =>
        {
            Assert.That((conversation.GetProperty("customer").GetString(), conversation.GetProperty("customer_name").GetString()), Is.EqualTo((name, name)));
            Assert.That(image.Content.Headers.ContentType?.MediaType, Is.EqualTo("image/png"));
            Assert.That(ProfileReads(psid), Is.EqualTo(1), "two messages, one profile read");
        });

        var list = await staff.Api.GetFromJsonAsync<JsonElement>($"/api/conversations?q={Uri.EscapeDataString(name.Split(' ')[0])}&page_size=200");
        Assert.That(list.GetProperty("conversations").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()), Does.Contain(id), "searchable by name");

        Clock.Advance(TimeSpan.FromHours(25));
        await CustomerWritesAsync(staff, psid, "Hello again");
        Assert.That(ProfileReads(psid), Is.EqualTo(2), "read again after a day");
    }

    [Test]
    public async Task When_meta_refuses_profiles_the_customer_label_stays_and_the_integration_page_says_why()
    {
        var staff = await NewStaffAsync();
        var integrationId = (await staff.Api.GetFromJsonAsync<JsonElement>("/api/integrations")).GetProperty("integrations")[0].GetProperty("id").GetInt32();
        var psid = NewPsid();
        Meta.Customers.RefuseProfiles(Page);
        try
        {
            var id = await CustomerWritesAsync(staff, psid, "Hi");
            var other = NewPsid();
            await CustomerWritesAsync(staff, other, "Hi too");

            var conversation = await ConversationAsync(staff, id);
            using var browser = await App.SignedInClientAsync(staff.User);
            var details = await browser.GetStringAsync($"/Integrations/{integrationId}");
            Assert.Multiple(() =>
            {
                Assert.That(conversation.GetProperty("customer").GetString(), Is.EqualTo($"Customer …{psid[^4..]}"));
                Assert.That(conversation.GetProperty("customer_picture_url").ValueKind, Is.EqualTo(JsonValueKind.Null));
                Assert.That(details, Does.Contain("Business Asset User Profile Access"));
                Assert.That(ProfileReads(other), Is.Zero, "after a refusal the page's profiles are not asked for again that day");
            });
        }
        finally
        {
            Meta.Customers.RefuseProfiles(Page, refused: false);
        }
    }

    [Test]
    public async Task Staff_choose_the_postback_payload_that_escalates()
    {
        var staff = await NewStaffAsync();
        var integrationId = (await staff.Api.GetFromJsonAsync<JsonElement>("/api/integrations")).GetProperty("integrations")[0].GetProperty("id").GetInt32();
        using var browser = await App.SignedInClientAsync(staff.User);
        var save = await browser.PostFormAsync($"/Integrations/{integrationId}/messaging", new Dictionary<string, string> { ["payload"] = "AGENT_PLEASE" }, formPage: $"/Integrations/{integrationId}");
        Assert.That(save.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.Redirect));

        var psid = NewPsid();
        var id = await WaitForMessageAsync(staff, psid, Meta.Customers.Taps(Page, psid, "Talk to a person", "HUMAN_AGENT"));
        Assert.That((await ConversationAsync(staff, id)).GetProperty("state").GetString(), Is.EqualTo("bot"), "HUMAN_AGENT is not this page's payload any more");
        var again = NewPsid();
        var escalated = await WaitForMessageAsync(staff, again, Meta.Customers.Taps(Page, again, "An agent, please", "AGENT_PLEASE"));
        Assert.That((await ConversationAsync(staff, escalated)).GetProperty("state").GetString(), Is.EqualTo("needs_human"));
    }

    private int ProfileReads(string psid) => Meta.Requests.Count(r => r.Method == "GET" && r.Path.EndsWith("/" + psid, StringComparison.Ordinal));
}
