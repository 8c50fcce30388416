using LeadOps.GraphSandbox;
using LeadOps.IntegrationTests.Inbox.Support;

namespace LeadOps.IntegrationTests.Inbox;

/// <summary>
/// Messenger Lead Generation Ads ("Messenger Lead Generation Ads", messenger-platform/conversation-routing/messenger-lead-ads,
/// updated May 5, 2026): when a person taps such an ad, Meta's Messenger Leadgen app (app id 413038776280800) takes thread
/// control and asks the ad's questions; webhooks are not sent to other apps meanwhile (by default), and when the flow ends
/// the thread is passed to the app the advertiser connected (or released). Here that app is LeadOps: its first word of the
/// person may be the <c>pass_thread_control</c> itself.
/// </summary>
public sealed class MessengerLeadAdsHandoverTests(DatabaseKind database) : InboxFixture(database)
{
    private const string Page = SandboxSeed.MainPageId;
    private const string MessengerLeadgenAppId = "413038776280800";

    /// <summary>
    /// The Leadgen app takes the thread (from idle), the person answers it on <c>standby</c>, and the app passes the thread
    /// to LeadOps. The answers are kept, once, the conversation shows both handovers, and LeadOps holds the thread.
    /// </summary>
    [Test]
    public async Task The_leadgen_apps_pass_after_the_questions_on_standby_leaves_the_thread_with_leadops_and_the_answers_kept()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var standby = new MessengerShape { Envelope = MessengerEnvelope.Standby };

        Meta.Customers.Handover(Page, psid, "take_thread_control", null, MessengerLeadgenAppId);
        Clock.Advance(TimeSpan.FromSeconds(20));
        var answer = Meta.Customers.Writes(Page, psid, new CustomerMessage("Next week, in the afternoon"), standby);
        var id = await WaitForMessageAsync(staff, psid, answer);
        Clock.Advance(TimeSpan.FromSeconds(20));
        Meta.Customers.Handover(Page, psid, "pass_thread_control", MessengerLeadgenAppId, Meta.Options.AppId, "lead completed");
        await staff.Probe.WaitUntilAsync("the pass", async () => (await MessagesAsync(staff, id)).Count(m => m.GetProperty("kind").GetString() == "handover") == 2);

        var conversation = await ConversationAsync(staff, id);
        var thread = await MessagesAsync(staff, id);
        Assert.Multiple(() =>
        {
            Assert.That(conversation.GetProperty("thread_owner").GetProperty("app_id").GetString(), Is.EqualTo(Meta.Options.AppId), "LeadOps holds the thread");
            Assert.That(thread.Where(m => m.GetProperty("kind").GetString() == "message").Select(m => m.GetProperty("text").GetString()),
                Is.EqualTo(new[] { "Next week, in the afternoon" }));
        });
    }

    /// <summary>
    /// With standby events not sent (Meta's default while the ad's flow runs), the pass is the first LeadOps hears of the
    /// person: the conversation is there for staff to follow the lead up, LeadOps holds the thread, and the pass says so.
    /// </summary>
    [Test]
    public async Task A_pass_from_the_leadgen_app_for_a_person_leadops_never_heard_of_shows_the_conversation()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();

        Meta.Customers.Handover(Page, psid, "pass_thread_control", MessengerLeadgenAppId, Meta.Options.AppId, "lead completed");
        await ProcessedAsync(staff);

        var id = await FindConversationAsync(staff, psid);
        Assert.That(id, Is.Not.Null, "the person the ad's flow handed to LeadOps is in the Inbox");
        var conversation = await ConversationAsync(staff, id!.Value);
        var thread = await MessagesAsync(staff, id.Value);
        Assert.Multiple(() =>
        {
            Assert.That(conversation.GetProperty("thread_owner").GetProperty("app_id").GetString(), Is.EqualTo(Meta.Options.AppId));
            Assert.That(thread.Select(m => m.GetProperty("kind").GetString()), Is.EqualTo(new[] { "handover" }));
        });
    }
}
