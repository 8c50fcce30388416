using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LeadOps.GraphSandbox;
using LeadOps.IntegrationTests.Inbox.Support;

namespace LeadOps.IntegrationTests.Inbox;

/// <summary>
/// The name a staff member sets on the Account page is the one colleagues see on the conversations they take and the
/// replies they send; left empty, the e-mail address stands in. A name that cannot be kept is refused with a message
/// and changes nothing.
/// </summary>
public sealed class StaffDisplayNameTests(DatabaseKind database) : InboxFixture(database)
{
    [Test]
    public async Task The_name_set_on_the_account_page_is_shown_on_the_conversation_taken_and_the_reply_sent()
    {
        var staff = await NewStaffAsync();
        using var browser = await App.SignedInClientAsync(staff.User);
        var saved = await SetNameAsync(browser, "  Ana Costa  ");
        Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var account = await browser.GetStringAsync("/Account");

        var id = await TakenConversationAsync(staff, "Can I book a service for Friday?");
        var reply = await staff.Api.PostAsJsonAsync($"/api/conversations/{id}/messages", new { text = "Friday at 10 works." });
        Assert.That(reply.StatusCode, Is.EqualTo(HttpStatusCode.OK), await reply.Content.ReadAsStringAsync());

        var conversation = await ConversationAsync(staff, id);
        var staffMessage = (await MessagesAsync(staff, id)).Single(m => m.GetProperty("sender").GetString() == "staff");
        Assert.Multiple(() =>
        {
            Assert.That(account, Does.Contain("value=\"Ana Costa\""), "the page shows the saved name, trimmed");
            Assert.That(account, Does.Contain("Your name was saved"));
            Assert.That(conversation.GetProperty("assigned_to").GetProperty("name").GetString(), Is.EqualTo("Ana Costa"));
            Assert.That(staffMessage.GetProperty("sender_name").GetString(), Is.EqualTo("Ana Costa"));
        });
    }

    [Test]
    public async Task A_cleared_name_gives_the_email_address_back()
    {
        var staff = await NewStaffAsync();
        using var browser = await App.SignedInClientAsync(staff.User);
        await SetNameAsync(browser, "Ana Costa");
        var cleared = await SetNameAsync(browser, "   ");
        Assert.That(cleared.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));

        var id = await TakenConversationAsync(staff, "Is the shop open on Sunday?");

        var conversation = await ConversationAsync(staff, id);
        Assert.That(conversation.GetProperty("assigned_to").GetProperty("name").GetString(), Is.EqualTo(staff.User.Email));
    }

    [TestCase(101, false, TestName = "A_name_over_100_characters_is_refused_and_the_saved_one_kept")]
    [TestCase(10, true, TestName = "A_name_on_two_lines_is_refused_and_the_saved_one_kept")]
    public async Task A_name_that_cannot_be_kept_is_refused_with_a_message_and_changes_nothing(int length, bool twoLines)
    {
        var staff = await NewStaffAsync();
        using var browser = await App.SignedInClientAsync(staff.User);
        await SetNameAsync(browser, "Ana Costa");
        var bad = new string('a', length) + (twoLines ? "\nsecond line" : string.Empty);

        var refused = await SetNameAsync(browser, bad);
        var page = await refused.Content.ReadAsStringAsync();

        var id = await TakenConversationAsync(staff, "Do you sell helmets?");
        var conversation = await ConversationAsync(staff, id);
        Assert.Multiple(() =>
        {
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "the page is shown again with the message (a refused form is 400)");
            Assert.That(page, Does.Contain(twoLines ? "Write the name on one line." : "Use at most 100 characters."));
            Assert.That(conversation.GetProperty("assigned_to").GetProperty("name").GetString(), Is.EqualTo("Ana Costa"), "the saved name is unchanged");
        });
    }

    private static Task<HttpResponseMessage> SetNameAsync(HttpClient browser, string name) =>
        browser.PostFormAsync("/Account?handler=Name", new Dictionary<string, string> { ["DisplayName"] = name }, formPage: "/Account");

    /// <summary>A customer writes, the bot escalates, and the staff member takes the conversation (under their name as it is now).</summary>
    private async Task<Guid> TakenConversationAsync(Staff staff, string text)
    {
        var psid = NewPsid();
        var id = await CustomerWritesAsync(staff, psid, text);
        var escalate = await staff.Api.PostAsJsonAsync("/api/conversations/escalate", new { page_id = SandboxSeed.MainPageId, psid, reason = "needs staff" });
        Assert.That(escalate.StatusCode, Is.EqualTo(HttpStatusCode.OK), await escalate.Content.ReadAsStringAsync());
        var take = await staff.Api.PostAsync($"/api/conversations/{id}/take", null);
        Assert.That(take.StatusCode, Is.EqualTo(HttpStatusCode.OK), await take.Content.ReadAsStringAsync());
        return id;
    }
}
