using System.Net.Http.Json;
using System.Text.Json;
using LeadOps.GraphSandbox;
using Microsoft.Playwright;

namespace LeadOps.BrowserTests;

/// <summary>
/// A thread as staff see it in the browser when the customer does more than type: an inline image (LeadOps' own copy),
/// a location with its map link, a tap on a button, a reaction arriving live; and a reply with an image that reaches Meta
/// as an upload. The customer acts through the sandbox's control API, as the demo does.
/// </summary>
[Category(TestCategories.Slow)]
public sealed class InboxEventsTests : MainPageFixture
{
    private const string Psid = "7300000000000077";
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
    private HttpClient _control = null!;

    [OneTimeSetUp]
    public void Start()
    {
        _control = new HttpClient { BaseAddress = Site.App.Sandbox.BaseAddress };
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _control?.Dispose();
    }

    [Test]
    public async Task A_thread_shows_an_image_a_location_a_tap_and_a_reaction_and_a_reply_with_an_image_reaches_meta()
    {
        var page = await Site.NewPageAsync();
        await BrowserApp.SignInAsync(page);
        await CustomerAsync("messages", new { text = "Is this model in stock?", attachments = new[] { new { type = "image" } } });
        await CustomerAsync("messages", new { attachments = new[] { new { type = "location", latitude = 38.7223, longitude = -9.1393, title = "The shop" } } });
        await CustomerAsync("postbacks", new { title = "Talk to a person", payload = "HUMAN_AGENT" });

        await page.GotoAsync("/Inbox");
        var row = page.Locator($"[data-test=conversation-row][data-psid='{Psid}']");
        await Assertions.Expect(row).ToBeVisibleAsync();
        await row.Locator("[data-test=open-conversation]").ClickAsync();
        await page.WaitForURLAsync("**/Inbox/Conversation/**");
        await Assertions.Expect(page.Locator("[data-live-status]").First).ToHaveAttributeAsync("data-live-state", "connected");

        var image = page.Locator("[data-test=attachment-image]");
        await Assertions.Expect(image).ToBeVisibleAsync();
        await Assertions.Expect(image).ToHaveAttributeAsync("src", new System.Text.RegularExpressions.Regex("^/inbox/files/"));
        Assert.That(await image.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), Is.True, "the image loads from LeadOps itself");
        await Assertions.Expect(page.Locator("[data-test=coordinates]")).ToHaveTextAsync("38.7223, -9.1393");
        await Assertions.Expect(page.Locator("[data-test=map-link]")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("openstreetmap.org/\\?mlat=38.7223&mlon=-9.1393"));
        await Assertions.Expect(page.Locator("[data-test=message][data-kind=postback] [data-test=text]")).ToHaveTextAsync("Tapped: Talk to a person");
        await Assertions.Expect(page.Locator("[data-test=conversation-header]")).ToHaveAttributeAsync("data-state", "needs_human");

        await page.Locator("[data-test=reply-text]").FillAsync("Yes! Here it is in blue:");
        await page.Locator("[data-test=reply-file]").SetInputFilesAsync(new FilePayload { Name = "blue.png", MimeType = "image/png", Buffer = Png });
        await page.Locator("[data-test=send]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-test=message][data-sender=staff]")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("[data-test=message][data-sender=staff] [data-test=attachment-image]")).ToBeVisibleAsync();

        var sent = Site.App.Graph.SentMessages.Where(m => m.Psid == Psid).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(sent.Select(m => m.Text), Is.EqualTo(new[] { "Yes! Here it is in blue:", string.Empty }));
            Assert.That(sent[1].Attachment?.Type, Is.EqualTo("image"));
            Assert.That(sent[1].Attachment?.Bytes, Is.EqualTo(Png), "the uploaded file reached Meta");
        });

        // The customer reacts to the text reply: the reaction shows on it without a reload.
        await CustomerAsync("reactions", new { mid = sent[0].MessageId, emoji = "😍", reaction = "love" });
        var reaction = page.Locator($"[data-test=message][data-sender=staff] [data-test=reaction]");
        await Assertions.Expect(reaction).ToHaveTextAsync("😍");
        await Assertions.Expect(page.Locator("[data-test=message][data-sender=staff]").First.Locator("[data-test=reaction]")).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "inbox-thread-events");

        Assert.That(Site.App.Graph.Customers.SenderActions.Where(a => a.Psid == Psid).Select(a => a.Action), Does.Contain("mark_seen").And.Contain("typing_on"),
            "looking at the thread and typing told the customer");
    }

    [Test]
    public async Task A_file_larger_than_a_reply_may_carry_is_refused_beside_the_reply_box_before_it_is_sent()
    {
        const string psid = "7300000000000078";
        var page = await Site.NewPageAsync();
        await BrowserApp.SignInAsync(page);
        await CustomerAsync("messages", new { text = "Could you send me the manual?" }, psid);
        await page.GotoAsync("/Inbox");
        await page.Locator($"[data-test=conversation-row][data-psid='{psid}'] [data-test=open-conversation]").ClickAsync();
        await page.WaitForURLAsync("**/Inbox/Conversation/**");
        var thread = page.Url;

        await page.Locator("[data-test=reply-text]").FillAsync("Here is the manual:");
        var folder = Directory.CreateTempSubdirectory("leadops-upload-");
        var manual = Path.Combine(folder.FullName, "manual.pdf");
        await using (var file = File.Create(manual))
        {
            await file.WriteAsync("%PDF-1.4\n"u8.ToArray());
            file.SetLength(26 * 1024 * 1024); // more than the reply form may carry (Meta's 25 MB and the form's fields)
        }

        await page.Locator("[data-test=reply-file]").SetInputFilesAsync(manual);
        await page.Locator("[data-test=send]").ClickAsync();

        await Assertions.Expect(page.Locator("[data-test=reply-file-error]")).ToHaveTextAsync("The file is larger than 10 MB, the most LeadOps sends.");
        Assert.Multiple(async () =>
        {
            Assert.That(page.Url, Is.EqualTo(thread), "the thread stays, with its reply box");
            Assert.That(await page.Locator("[data-test=reply-text]").InputValueAsync(), Is.EqualTo("Here is the manual:"), "the typed text is kept");
            Assert.That(Site.App.Graph.SentMessages.Where(m => m.Psid == psid), Is.Empty, "nothing was sent");
        });
        folder.Delete(recursive: true);
    }

    private async Task CustomerAsync(string what, object body, string psid = Psid)
    {
        using var response = await _control.PostAsJsonAsync($"/_sandbox/pages/{SandboxSeed.MainPageId}/customers/{psid}/{what}", body);
        Assert.That(response.IsSuccessStatusCode, Is.True, await response.Content.ReadAsStringAsync());
    }
}
