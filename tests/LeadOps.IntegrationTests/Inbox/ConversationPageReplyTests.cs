using System.Net;
using System.Text.RegularExpressions;
using LeadOps.GraphSandbox;
using LeadOps.IntegrationTests.Inbox.Support;

namespace LeadOps.IntegrationTests.Inbox;

/// <summary>
/// The thread page's reply box with a text and a file (Messenger sends them as two messages): the page says which part
/// went and which did not, so staff neither send the text twice nor lose the file; and the reply form keeps its
/// idempotency key whatever form on the page was refused before.
/// </summary>
public sealed partial class ConversationPageReplyTests(DatabaseKind database) : InboxFixture(database)
{
    private static readonly byte[] Photo = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. new byte[2048]];

    [Test]
    public async Task A_text_sent_and_its_file_refused_says_the_text_went_and_the_file_can_be_retried()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var id = await CustomerWritesAsync(staff, psid, "Can I see it?");
        using var browser = await App.SignedInClientAsync(staff.User);
        var path = $"/Inbox/Conversation/{id}";
        // The text passes, the file (the second Send API call) is refused.
        Meta.SetFault(new FaultRule { Route = FaultRoutes.Messages, PageId = SandboxSeed.MainPageId, Kind = FaultKind.SendRefused, Code = 551, AfterCalls = 1, Times = 1 });

        var post = await browser.PostMultipartAsync($"{path}?handler=Reply", new Dictionary<string, string> { ["Reply.Text"] = "Here it is:" }, new FormFile("Reply.File", "bike.png", "image/png", Photo), path);
        var page = await browser.GetStringAsync(path);

        var problem = Problem(page);
        var staffRows = (await MessagesAsync(staff, id)).Where(m => m.GetProperty("sender").GetString() == "staff").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(post.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(SentTo(psid).Select(s => s.Text), Is.EqualTo(new[] { "Here it is:" }), "the customer has the text");
            Assert.That(problem, Does.StartWith("The text was sent, but the file was not:").And.Contain("do not send the text again"));
            Assert.That(problem, Does.Not.Contain("The message was not sent"), "the page must not invite sending the text again");
            Assert.That(staffRows, Has.Count.EqualTo(2), "the text and the file, each its own row");
            Assert.That(staffRows[0].GetProperty("status").GetString(), Is.Not.EqualTo("failed"), "the text went");
            Assert.That(staffRows[^1].GetProperty("status").GetString(), Is.EqualTo("failed"), "the file is a failed row");
            Assert.That(page, Does.Contain("data-test=\"retry\""), "which can be retried");
        });
    }

    [Test]
    public async Task A_text_refused_with_a_file_says_the_file_was_not_sent_either()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var id = await CustomerWritesAsync(staff, psid, "Can I see it?");
        using var browser = await App.SignedInClientAsync(staff.User);
        var path = $"/Inbox/Conversation/{id}";
        Meta.SetFault(new FaultRule { Route = FaultRoutes.Messages, PageId = SandboxSeed.MainPageId, Kind = FaultKind.SendRefused, Code = 551, Times = 1 });

        var post = await browser.PostMultipartAsync($"{path}?handler=Reply", new Dictionary<string, string> { ["Reply.Text"] = "Here it is:" }, new FormFile("Reply.File", "bike.png", "image/png", Photo), path);
        var problem = Problem(await browser.GetStringAsync(path));

        Assert.Multiple(() =>
        {
            Assert.That(post.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(SentTo(psid), Is.Empty);
            Assert.That(problem, Does.StartWith("The message was not sent:"));
            Assert.That(problem, Does.Contain("The file bike.png was not sent either: attach it again"), "the file is not dropped unsaid");
        });
    }

    [Test]
    public async Task After_a_refused_note_the_reply_form_still_has_a_key_and_a_repeated_post_sends_once()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var id = await CustomerWritesAsync(staff, psid, "Hello?");
        using var browser = await App.SignedInClientAsync(staff.User);
        var path = $"/Inbox/Conversation/{id}";

        var refused = await browser.PostFormAsync($"{path}?handler=Note", new Dictionary<string, string> { ["NoteText"] = " " }, formPage: path);
        var page = await refused.Content.ReadAsStringAsync();
        var key = KeyField().Match(page);
        var fields = new Dictionary<string, string> { ["Reply.Text"] = "Hi, how can I help?", ["Reply.IdempotencyKey"] = key.Groups[1].Value };
        await browser.PostFormAsync($"{path}?handler=Reply", fields, formPage: path);
        await browser.PostFormAsync($"{path}?handler=Reply", fields, formPage: path);

        Assert.Multiple(() =>
        {
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "the note is refused and the page shown again");
            Assert.That(key.Success, Is.True, "the reply form is on the page");
            Assert.That(key.Groups[1].Value, Is.Not.Empty, "with an idempotency key");
            Assert.That(SentTo(psid), Has.Count.EqualTo(1), "the same reply posted twice is sent once");
        });
    }

    [Test]
    public async Task A_reply_refused_for_a_key_used_already_comes_back_with_a_new_key_that_sends_it()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var id = await CustomerWritesAsync(staff, psid, "Hello?");
        using var browser = await App.SignedInClientAsync(staff.User);
        var path = $"/Inbox/Conversation/{id}";
        var used = Guid.NewGuid().ToString("N");
        await browser.PostFormAsync($"{path}?handler=Reply", new Dictionary<string, string> { ["Reply.Text"] = "Hi!", ["Reply.IdempotencyKey"] = used }, formPage: path);

        // The same page shown again from the browser's history, its text edited: its key was used for the first reply.
        var conflict = await browser.PostFormAsync($"{path}?handler=Reply",
            new Dictionary<string, string> { ["Reply.Text"] = "Hi, how can I help?", ["Reply.IdempotencyKey"] = used }, formPage: path);
        var key = KeyField().Match(await conflict.Content.ReadAsStringAsync()).Groups[1].Value;
        await browser.PostFormAsync($"{path}?handler=Reply", new Dictionary<string, string> { ["Reply.Text"] = "Hi, how can I help?", ["Reply.IdempotencyKey"] = key }, formPage: path);

        Assert.Multiple(() =>
        {
            Assert.That(conflict.StatusCode, Is.Not.EqualTo(HttpStatusCode.OK).And.Not.EqualTo(HttpStatusCode.Redirect), "the edited text is refused for the used key");
            Assert.That(key, Is.Not.Empty.And.Not.EqualTo(used), "the page comes back with a new key");
            Assert.That(SentTo(psid), Has.Count.EqualTo(2), "sending it again from that page sends it");
        });
    }

    private static string Problem(string page) =>
        WebUtility.HtmlDecode(ProblemAlert().Match(page).Groups[1].Value.Trim());

    [GeneratedRegex("data-test=\"send-problem\">(.*?)</div>", RegexOptions.Singleline)]
    private static partial Regex ProblemAlert();

    [GeneratedRegex("name=\"Reply.IdempotencyKey\" value=\"([^\"]*)\"")]
    private static partial Regex KeyField();
}
