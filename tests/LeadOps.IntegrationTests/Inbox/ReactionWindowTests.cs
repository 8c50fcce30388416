using System.Net.Http.Json;
using System.Text.Json;
using LeadOps.GraphSandbox;
using LeadOps.IntegrationTests.Inbox.Support;

namespace LeadOps.IntegrationTests.Inbox;

/// <summary>
/// Meta's messaging policy lists "User reacts to a message" among the actions that open the 24-hour window, whichever
/// message it is. A customer may react to a message LeadOps never stored (one the page sent before LeadOps was connected,
/// or whose echo never came): the reaction has nothing to show on, but the window is open all the same, and a reply goes
/// out as a standard response (before, LeadOps refused it as outside the window without asking Meta).
/// </summary>
public sealed class ReactionWindowTests(DatabaseKind database) : InboxFixture(database)
{
    private const string Page = SandboxSeed.MainPageId;

    [Test]
    public async Task A_reaction_to_a_message_leadops_never_stored_still_opens_the_window()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var id = await CustomerWritesAsync(staff, psid, "Do you rent e-bikes?");
        Clock.Advance(TimeSpan.FromDays(8));
        var closed = await DetailAsync(staff, id);

        Meta.Customers.Reacts(Page, psid, "m_sent_before_leadops_" + psid, "👍", "like");
        await ProcessedAsync(staff);
        var reopened = await DetailAsync(staff, id);
        var reply = await staff.Api.PostAsJsonAsync($"/api/conversations/{id}/messages", new { text = "Great, see you on Saturday." });

        Assert.Multiple(async () =>
        {
            Assert.That(closed.GetProperty("can_reply").GetBoolean(), Is.False, "eight days after the last message the window is closed");
            Assert.That(reopened.GetProperty("can_reply").GetBoolean(), Is.True, "the reaction opened the window");
            Assert.That((await reply.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("success").GetBoolean(), Is.True, await reply.Content.ReadAsStringAsync());
            Assert.That(SentTo(psid).Select(m => (m.MessagingType, m.Tag)), Is.EqualTo(new[] { ("RESPONSE", (string?)null) }), "a standard response, accepted by Meta");
        });
    }

    [Test]
    public async Task Taking_back_a_reaction_to_a_message_leadops_never_stored_opens_nothing()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var id = await CustomerWritesAsync(staff, psid, "Do you rent e-bikes?");
        Clock.Advance(TimeSpan.FromDays(8));

        Meta.Customers.Reacts(Page, psid, "m_sent_before_leadops_" + psid, unreact: true);
        await ProcessedAsync(staff);

        Assert.That((await DetailAsync(staff, id)).GetProperty("can_reply").GetBoolean(), Is.False);
    }
}
