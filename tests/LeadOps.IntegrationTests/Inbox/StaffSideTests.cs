using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LeadOps.GraphSandbox;
using LeadOps.IntegrationTests.Inbox.Support;

namespace LeadOps.IntegrationTests.Inbox;

/// <summary>
/// Staff's side of a thread: replies with an image or a file (uploaded in the thread, size and type checked, sent as a
/// Send API attachment), mark_seen and typing_on while they look and type (best effort, never in a reply's way), and no
/// handover call when no bot app is configured. Uploads are limited to 4 KB here.
/// </summary>
public sealed class StaffSideTests(DatabaseKind database) : InboxFixture(database)
{
    private const string Page = SandboxSeed.MainPageId;
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    protected override TestAppBuilder Configure(TestAppBuilder app) => base.Configure(app).WithSetting("Attachments:MaxUploadBytes", "4096");

    [Test]
    public async Task A_reply_with_text_and_an_image_arrives_at_meta_as_the_text_then_an_uploaded_image()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var id = await CustomerWritesAsync(staff, psid, "Can you send me a photo?");
        using var browser = await App.SignedInClientAsync(staff.User);
        var path = $"/Inbox/Conversation/{id}";

        var post = await browser.PostMultipartAsync($"{path}?handler=Reply", new Dictionary<string, string> { ["Reply.Text"] = "Here it is:" }, new FormFile("Reply.File", "bike.png", "image/png", Png), path);
        Assert.That(post.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await post.Content.ReadAsStringAsync());

        var sent = SentTo(psid);
        Assert.Multiple(() =>
        {
            Assert.That(sent.Select(s => (s.Text, s.MessagingType, s.Attachment?.Type)), Is.EqualTo(new[] { ("Here it is:", "RESPONSE", (string?)null), (string.Empty, "RESPONSE", "image") }));
            Assert.That(sent[1].Attachment!.Bytes, Is.EqualTo(Png), "the file itself went to Meta");
            Assert.That(sent[1].Attachment!.FileName, Is.EqualTo("bike.png"));
        });

        var thread = await MessagesAsync(staff, id);
        var image = thread.Last(m => m.GetProperty("sender").GetString() == "staff");
        Assert.That(image.GetProperty("attachments")[0].GetProperty("file_url").GetString(), Does.StartWith("/inbox/files/"));
        Assert.That(sent.Select(s => s.Metadata), Is.EqualTo(thread.Where(m => m.GetProperty("sender").GetString() == "staff").Select(m => "leadops:reply:" + m.GetProperty("id").GetInt64())),
            "each part names its own message in the metadata, the uploaded file's inside its multipart message");
        await staff.Probe.WaitUntilAsync("the image delivered", async () =>
            (await MessagesAsync(staff, id)).Last(m => m.GetProperty("sender").GetString() == "staff").GetProperty("status").GetString() == "delivered");
        Assert.That((await MessagesAsync(staff, id)).Count(m => m.GetProperty("sender").GetString() == "staff"), Is.EqualTo(2), "Meta's echo of the upload is not stored again");
    }

    [Test]
    public async Task A_file_too_large_or_of_the_wrong_kind_is_refused_on_the_page_and_nothing_is_sent()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var id = await CustomerWritesAsync(staff, psid, "Send me the terms");
        using var browser = await App.SignedInClientAsync(staff.User);
        var path = $"/Inbox/Conversation/{id}";

        var tooLarge = await browser.PostMultipartAsync($"{path}?handler=Reply", new Dictionary<string, string>(), new FormFile("Reply.File", "terms.pdf", "application/pdf", [.. "%PDF-1.4\n"u8, .. new byte[5000]]), path);
        var executable = await browser.PostMultipartAsync($"{path}?handler=Reply", new Dictionary<string, string>(), new FormFile("Reply.File", "setup.exe", "application/pdf", [0x4D, 0x5A, 0x90, 0x00]), path);
        var disguised = await browser.PostMultipartAsync($"{path}?handler=Reply", new Dictionary<string, string>(), new FormFile("Reply.File", "photo.png", "image/png", "<script>alert(1)</script>"u8.ToArray()), path);

        var pages = (await tooLarge.Content.ReadAsStringAsync(), await executable.Content.ReadAsStringAsync(), await disguised.Content.ReadAsStringAsync());
        var stored = (await MessagesAsync(staff, id)).Count(m => m.GetProperty("sender").GetString() == "staff");
        Assert.Multiple(() =>
        {
            Assert.That(tooLarge.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "the page comes back with its message");
            Assert.That(pages.Item1, Does.Contain("larger than 4 KB"));
            Assert.That(pages.Item2, Does.Contain("This kind of file cannot be sent"));
            Assert.That(pages.Item3, Does.Contain("does not match its name"));
            Assert.That(SentTo(psid), Is.Empty);
            Assert.That(stored, Is.Zero, "nothing was stored either");
        });
    }

    [Test]
    public async Task An_image_reply_meta_refused_is_sent_again_with_its_file_on_retry()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var id = await CustomerWritesAsync(staff, psid, "The photo please");
        using var browser = await App.SignedInClientAsync(staff.User);
        var path = $"/Inbox/Conversation/{id}";
        Meta.SetFault(new FaultRule { Route = FaultRoutes.Messages, Kind = FaultKind.PolicyBlock, Times = 1 });

        await browser.PostMultipartAsync($"{path}?handler=Reply", new Dictionary<string, string>(), new FormFile("Reply.File", "bike.png", "image/png", Png), path);
        var failed = (await MessagesAsync(staff, id)).Single(m => m.GetProperty("sender").GetString() == "staff");
        Assert.That(failed.GetProperty("status").GetString(), Is.EqualTo("failed"));
        Assert.That(SentTo(psid), Is.Empty);

        var retry = await (await staff.Api.PostAsync($"/api/conversations/{id}/messages/{failed.GetProperty("id").GetInt64()}/retry", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Multiple(() =>
        {
            Assert.That(retry.GetProperty("success").GetBoolean(), Is.True, retry.GetRawText());
            Assert.That(SentTo(psid).Single().Attachment?.Bytes, Is.EqualTo(Png), "the stored upload was sent");
        });
    }

    [Test]
    public async Task Looking_at_and_typing_in_a_thread_sends_mark_seen_and_typing_on_best_effort()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var id = await CustomerWritesAsync(staff, psid, "Anyone?");
        using var browser = await App.SignedInClientAsync(staff.User);
        var path = $"/Inbox/Conversation/{id}";

        var seen = await browser.PostWithTokenAsync($"{path}?handler=SenderAction", new Dictionary<string, string> { ["action"] = "mark_seen" }, path);
        var typing = await browser.PostWithTokenAsync($"{path}?handler=SenderAction", new Dictionary<string, string> { ["action"] = "typing_on" }, path);
        Assert.That((seen.StatusCode, typing.StatusCode), Is.EqualTo((HttpStatusCode.NoContent, HttpStatusCode.NoContent)));
        Assert.That(Meta.Customers.SenderActions.Where(a => a.Psid == psid).Select(a => a.Action), Is.EqualTo(new[] { "mark_seen", "typing_on" }));

        // Meta failing (or slow) costs the indicator only: the answer is the same and the reply still goes out.
        Meta.SetFault(new FaultRule { Route = FaultRoutes.Messages, Kind = FaultKind.Http500, Times = 3 });
        var failing = await browser.PostWithTokenAsync($"{path}?handler=SenderAction", new Dictionary<string, string> { ["action"] = "typing_on" }, path);
        Meta.ClearFaults();
        var reply = await (await staff.Api.PostAsJsonAsync($"/api/conversations/{id}/messages", new { text = "Yes, here!" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Multiple(() =>
        {
            Assert.That(failing.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(reply.GetProperty("success").GetBoolean(), Is.True);
        });

        // Outside the 24-hour window nothing is sent at all.
        Clock.Advance(TimeSpan.FromHours(30));
        var calls = Meta.Customers.SenderActions.Count;
        await browser.PostWithTokenAsync($"{path}?handler=SenderAction", new Dictionary<string, string> { ["action"] = "mark_seen" }, path);
        Assert.That(Meta.Customers.SenderActions, Has.Count.EqualTo(calls));
        var bad = await browser.PostWithTokenAsync($"{path}?handler=SenderAction", new Dictionary<string, string> { ["action"] = "dance" }, path);
        Assert.That(bad.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task Without_a_bot_app_configured_release_and_take_call_no_handover_api()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var id = await CustomerWritesAsync(staff, psid, "Hello");

        await staff.Api.PostAsync($"/api/conversations/{id}/take", null);
        var released = await (await staff.Api.PostAsync($"/api/conversations/{id}/release", null)).Content.ReadFromJsonAsync<JsonElement>();

        var notes = (await MessagesAsync(staff, id)).Count(m => m.GetProperty("kind").GetString() == "note");
        Assert.Multiple(() =>
        {
            Assert.That(released.GetProperty("state").GetString(), Is.EqualTo("bot"));
            Assert.That(Meta.Customers.ThreadControlCalls.Where(c => c.Psid == psid), Is.Empty);
            Assert.That(notes, Is.Zero);
        });
    }
}
