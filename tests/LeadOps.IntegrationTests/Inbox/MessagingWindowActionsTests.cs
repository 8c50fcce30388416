using System.Net.Http.Json;
using System.Text.Json;
using LeadOps.GraphSandbox;
using LeadOps.IntegrationTests.Inbox.Support;

namespace LeadOps.IntegrationTests.Inbox;

/// <summary>
/// What opens Messenger's 24-hour standard window besides a message or a tap. Meta's m.me Links page
/// (developers.facebook.com/documentation/business-messaging/messenger-platform/discovery/m-me-links): "When a person
/// clicks an m.me link and a conversation already exists between your business and the person, the link will take them to
/// the existing conversation. This action will reset the 24-hour standard messaging window, allowing your messaging app to
/// reply to the person and a messaging_referrals webhook notification will be sent". Meta's messaging policy lists "User
/// reacts to a message" among the actions that open the window. A staff reply after either goes out as a standard
/// response, not refused before Meta is called; taking a reaction back opens nothing, nor does arriving from an ad
/// without writing.
/// </summary>
public sealed class MessagingWindowActionsTests(DatabaseKind database) : InboxFixture(database)
{
    private const string Page = SandboxSeed.MainPageId;

    [Test]
    public async Task A_customer_coming_back_through_an_m_me_link_can_be_answered_again()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var id = await CustomerWritesAsync(staff, psid, "Do you rent e-bikes?");
        Clock.Advance(TimeSpan.FromDays(8));
        var closed = await DetailAsync(staff, id);

        Meta.Customers.ArrivesFrom(Page, psid, new SandboxReferral("SHORTLINK", "spring_flyer"));
        await staff.Probe.WaitUntilAsync("the referral", async () => (await ConversationAsync(staff, id)).GetProperty("referral").ValueKind == JsonValueKind.Object);
        var reopened = await DetailAsync(staff, id);
        var reply = await staff.Api.PostAsJsonAsync($"/api/conversations/{id}/messages", new { text = "Yes, from 15 € a day." });

        Assert.Multiple(async () =>
        {
            Assert.That(closed.GetProperty("can_reply").GetBoolean(), Is.False, "eight days after the last message the window is closed");
            Assert.That(reopened.GetProperty("can_reply").GetBoolean(), Is.True, "the m.me link reset the window");
            Assert.That(reopened.GetProperty("conversation").GetProperty("window").GetProperty("text").GetString(), Is.EqualTo("24 h left"));
            Assert.That((await reply.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("success").GetBoolean(), Is.True, await reply.Content.ReadAsStringAsync());
            Assert.That(SentTo(psid).Select(m => (m.MessagingType, m.Tag)), Is.EqualTo(new[] { ("RESPONSE", (string?)null) }), "a standard response, accepted by Meta");
        });
    }

    /// <summary>
    /// Meta sends <c>messaging_referrals</c> too when a customer already in the thread taps an ad, or comes from the
    /// Discover tab or a Messenger code, without writing; its policy opens the window for an ad only with the message that
    /// follows. So the window stays as the last message left it: two days later a reply goes out with the HUMAN_AGENT tag
    /// (a standard response would be refused with 10/2018278).
    /// </summary>
    [TestCase("ADS")]
    [TestCase("DISCOVER_TAB")]
    public async Task A_customer_arriving_from_an_ad_without_writing_leaves_the_window_as_it_was(string source)
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var id = await CustomerWritesAsync(staff, psid, "Do you rent e-bikes?");
        await staff.Api.PostAsJsonAsync("/api/conversations/escalate", new { page_id = Page, psid });
        Clock.Advance(TimeSpan.FromDays(2));

        Meta.Customers.ArrivesFrom(Page, psid, new SandboxReferral(source, AdId: source == "ADS" ? "6045246247433" : null));
        await staff.Probe.WaitUntilAsync("the referral", async () => (await ConversationAsync(staff, id)).GetProperty("referral").ValueKind == JsonValueKind.Object);
        var reply = await staff.Api.PostAsJsonAsync($"/api/conversations/{id}/messages", new { text = "Yes, from 15 € a day." });

        Assert.Multiple(async () =>
        {
            Assert.That((await reply.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("success").GetBoolean(), Is.True, await reply.Content.ReadAsStringAsync());
            Assert.That(SentTo(psid).Select(m => (m.MessagingType, m.Tag)), Is.EqualTo(new[] { ("MESSAGE_TAG", (string?)"HUMAN_AGENT") }), "within 7 days of the last message, tagged");
        });
    }

    /// <summary>
    /// The policy names a reaction to any message: one to a message LeadOps never stored (sent before the page was connected,
    /// or whose echo never came) has nothing to show on, and opens the window all the same.
    /// </summary>
    [TestCase(true, TestName = "A_reaction_opens_the_window_and_taking_it_back_does_not")]
    [TestCase(false, TestName = "A_reaction_to_a_message_leadops_never_stored_opens_the_window_and_taking_it_back_does_not")]
    public async Task A_reaction_opens_the_window_and_taking_it_back_does_not(bool toAStoredMessage)
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var id = await CustomerWritesAsync(staff, psid, "Is the shop open on Sunday?");
        await staff.Api.PostAsJsonAsync($"/api/conversations/{id}/messages", new { text = "Yes, 10 to 14." });
        var answer = toAStoredMessage ? SentTo(psid).Single().MessageId : "m_sent_before_leadops_" + psid;

        Clock.Advance(TimeSpan.FromDays(8));
        Meta.Customers.Reacts(Page, psid, answer, unreact: true);
        await ProcessedAsync(staff);
        var afterUnreact = await DetailAsync(staff, id);

        Clock.Advance(TimeSpan.FromMinutes(1));
        Meta.Customers.Reacts(Page, psid, answer, "❤️", "love");
        await staff.Probe.WaitUntilAsync("the reaction", async () => (await DetailAsync(staff, id)).GetProperty("can_reply").GetBoolean());
        var reply = await staff.Api.PostAsJsonAsync($"/api/conversations/{id}/messages", new { text = "See you then!" });

        Assert.Multiple(async () =>
        {
            Assert.That(afterUnreact.GetProperty("can_reply").GetBoolean(), Is.False, "taking a reaction back opens nothing");
            Assert.That((await reply.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("success").GetBoolean(), Is.True, await reply.Content.ReadAsStringAsync());
            Assert.That(SentTo(psid)[^1].MessagingType, Is.EqualTo("RESPONSE"));
        });
    }
}
