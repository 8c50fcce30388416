using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LeadOps.GraphSandbox;
using LeadOps.IntegrationTests.Inbox.Support;
using Microsoft.EntityFrameworkCore;

namespace LeadOps.IntegrationTests.Inbox;

/// <summary>
/// What customers do in Messenger, made by the Graph sandbox as Meta sends it (every envelope and time form): taps,
/// images and files (LeadOps keeps its own copy, served to the owner only), stickers, links, edits, reactions, quick
/// replies, arriving from an ad, opting in. Copies are kept up to 4 KB here, to see both sides of the limit.
/// </summary>
public sealed class CustomerEventTests(DatabaseKind database) : InboxFixture(database)
{
    private const string Page = SandboxSeed.MainPageId;

    protected override TestAppBuilder Configure(TestAppBuilder app) => base.Configure(app).WithSetting("Attachments:MaxCopyBytes", "4096");

    [TestCase(MessengerEnvelope.Messaging, MessengerTimeForm.MillisNumber)]
    [TestCase(MessengerEnvelope.Changes, MessengerTimeForm.SecondsString)]
    [TestCase(MessengerEnvelope.Standby, MessengerTimeForm.MillisString)]
    [TestCase(MessengerEnvelope.BareChange, MessengerTimeForm.SecondsString)]
    public async Task A_customer_who_only_tapped_a_button_is_escalated_and_answered_with_a_standard_response(MessengerEnvelope envelope, MessengerTimeForm time)
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var tappedAt = Clock.GetUtcNow();
        var mid = Meta.Customers.Taps(Page, psid, "Talk to a person", "HUMAN_AGENT", shape: new MessengerShape { Envelope = envelope, Time = time });
        var id = await WaitForMessageAsync(staff, psid, mid);

        var detail = await DetailAsync(staff, id);
        var tap = detail.GetProperty("messages")[0];
        var expectedAt = time == MessengerTimeForm.SecondsString ? DateTimeOffset.FromUnixTimeSeconds(tappedAt.ToUnixTimeSeconds()) : DateTimeOffset.FromUnixTimeMilliseconds(tappedAt.ToUnixTimeMilliseconds());
        Assert.Multiple(() =>
        {
            Assert.That(tap.GetProperty("text").GetString(), Is.EqualTo("Tapped: Talk to a person"));
            Assert.That(tap.GetProperty("kind").GetString(), Is.EqualTo("postback"));
            Assert.That(tap.GetProperty("at").GetDateTimeOffset(), Is.EqualTo(expectedAt), "the time is Meta's, in whichever form it came");
            Assert.That(detail.GetProperty("conversation").GetProperty("state").GetString(), Is.EqualTo("needs_human"));
            Assert.That(detail.GetProperty("conversation").GetProperty("escalation_reason").GetString(), Is.EqualTo("The customer tapped “Talk to a person”"));
        });

        var reply = await staff.Api.PostAsJsonAsync("/admin/send-message", new { conversation_id = id, recipient_id = psid, message_text = "Hi! I'm here.", admin_id = staff.User.Id });
        Assert.That((await reply.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("success").GetBoolean(), Is.True);
        Assert.That(SentTo(psid).Select(s => (s.Text, s.MessagingType)), Is.EqualTo(new[] { ("Hi! I'm here.", "RESPONSE") }));
    }

    [Test]
    public async Task An_image_is_copied_and_served_to_its_owner_only_even_after_metas_link_expired()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var mid = Meta.Customers.Writes(Page, psid, new CustomerMessage("Here is my bike") { Attachments = [CustomerAttachment.Image()] });
        var id = await WaitForMessageAsync(staff, psid, mid);

        var message = (await MessagesAsync(staff, id)).Single();
        var image = message.GetProperty("attachments")[0];
        var fileUrl = image.GetProperty("file_url").GetString()!;
        var metaUrl = image.GetProperty("url").GetString()!;
        Assert.That((message.GetProperty("text").GetString(), image.GetProperty("copy").GetString()), Is.EqualTo(("Here is my bike", "copied")));

        Clock.Advance(Meta.Customers.CdnLinkLifetime + TimeSpan.FromHours(1));
        using var anyone = new HttpClient();
        Assert.That((await anyone.GetAsync(metaUrl)).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "Meta's link has expired");

        using var served = await staff.Api.GetAsync(fileUrl);
        var bytes = await served.Content.ReadAsByteArrayAsync();
        Assert.Multiple(() =>
        {
            Assert.That(served.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(served.Content.Headers.ContentType?.MediaType, Is.EqualTo("image/png"));
            Assert.That(bytes.Take(8), Is.EqualTo(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }));
            Assert.That(served.Headers.GetValues("X-Content-Type-Options"), Does.Contain("nosniff"));
        });

        var other = await NewStaffAsync();
        Assert.That((await other.Api.GetAsync(fileUrl)).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "another user's file does not exist for them");
        using var signedOut = App.NewClient();
        using var anonymous = await signedOut.GetAsync(fileUrl);
        Assert.That(anonymous.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "signed out: to the sign-in page, no file");
        Assert.That(anonymous.Headers.Location?.ToString(), Does.Contain("/Account/Login"));
    }

    [Test]
    public async Task A_file_larger_than_the_copy_limit_keeps_metas_link_and_says_why_and_a_smaller_one_is_a_download()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var large = new CustomerAttachment("file") { SizeBytes = 10_000, FileName = "quote.pdf" };
        var small = new CustomerAttachment("file") { SizeBytes = 1_000, FileName = "terms.pdf" };
        var mid = Meta.Customers.Writes(Page, psid, new CustomerMessage { Attachments = [large, small] });
        var id = await WaitForMessageAsync(staff, psid, mid);

        var attachments = (await MessagesAsync(staff, id)).Single().GetProperty("attachments");
        Assert.Multiple(() =>
        {
            Assert.That(attachments[0].GetProperty("copy").GetString(), Is.EqualTo("too_large"));
            Assert.That(attachments[0].GetProperty("copy_note").GetString(), Does.StartWith("Larger than 4 KB"));
            Assert.That(attachments[0].GetProperty("file_url").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(attachments[0].GetProperty("url").GetString(), Does.Contain("/cdn/"));
            Assert.That(attachments[1].GetProperty("copy").GetString(), Is.EqualTo("copied"));
        });

        using var download = await staff.Api.GetAsync(attachments[1].GetProperty("file_url").GetString());
        Assert.Multiple(() =>
        {
            Assert.That(download.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/octet-stream"), "only raster images are shown inline");
            Assert.That(download.Content.Headers.ContentDisposition?.DispositionType, Is.EqualTo("attachment"));
            Assert.That(download.Content.Headers.ContentLength, Is.EqualTo(1_000));
        });
    }

    [Test]
    public async Task A_video_and_a_voice_message_are_copied_as_downloads_and_a_shared_product_is_shown_by_its_title()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var message = new CustomerMessage
        {
            Attachments =
            [
                new CustomerAttachment("video") { SizeBytes = 2_000 },
                new CustomerAttachment("audio") { SizeBytes = 1_500 },
                new CustomerAttachment("template") { Title = "Trail bike 29er" },
            ],
        };
        var mid = Meta.Customers.Writes(Page, psid, message);
        var id = await WaitForMessageAsync(staff, psid, mid);

        var attachments = (await MessagesAsync(staff, id)).Single().GetProperty("attachments").EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(attachments.Select(a => a.GetProperty("type").GetString()), Is.EqualTo(new[] { "video", "audio", "template" }));
            Assert.That(attachments.Select(a => a.GetProperty("copy").GetString()), Is.EqualTo(new[] { "copied", "copied", "none" }), "a template has nothing to copy");
            Assert.That(attachments[2].GetProperty("title").GetString(), Is.EqualTo("Trail bike 29er"));
        });

        foreach (var (attachment, length) in new[] { (attachments[0], 2_000L), (attachments[1], 1_500L) })
        {
            using var download = await staff.Api.GetAsync(attachment.GetProperty("file_url").GetString());
            Assert.Multiple(() =>
            {
                Assert.That(download.StatusCode, Is.EqualTo(HttpStatusCode.OK));
                Assert.That(download.Content.Headers.ContentDisposition?.DispositionType, Is.EqualTo("attachment"), "only raster images are shown inline");
                Assert.That(download.Content.Headers.ContentLength, Is.EqualTo(length));
            });
        }
    }

    [Test]
    public async Task A_link_that_is_not_metas_is_never_fetched()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var inside = new Uri(App.Sandbox.BaseAddress, "cdn/x").ToString().Replace(App.Sandbox.BaseAddress.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "1", StringComparison.Ordinal);
        var before = Meta.Requests.Count;
        var message = new System.Text.Json.Nodes.JsonObject
        {
            ["mid"] = "m_ssrf_" + psid,
            ["attachments"] = new System.Text.Json.Nodes.JsonArray(
                new System.Text.Json.Nodes.JsonObject { ["type"] = "image", ["payload"] = new System.Text.Json.Nodes.JsonObject { ["url"] = "https://169.254.169.254/latest/meta-data/" } },
                new System.Text.Json.Nodes.JsonObject { ["type"] = "file", ["payload"] = new System.Text.Json.Nodes.JsonObject { ["url"] = inside } }),
        };
        await PostSignedWebhookAsync(MetaEvents.Messaging(MetaEvents.FromCustomer(psid, MetaEvents.Millis(Clock.GetUtcNow()), "message", message)));
        var id = await WaitForMessageAsync(staff, psid, "m_ssrf_" + psid);

        var attachments = (await MessagesAsync(staff, id)).Single().GetProperty("attachments").EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(attachments.Select(a => a.GetProperty("copy").GetString()), Is.EqualTo(new[] { "failed", "failed" }));
            Assert.That(attachments[0].GetProperty("copy_note").GetString(), Does.Contain("not one of Meta's"));
            Assert.That(attachments[1].GetProperty("copy_note").GetString(), Does.Contain("not one of Meta's"), "the Graph host on another port is another host");
        });
    }

    [Test]
    public async Task A_sticker_sent_twice_shows_once_and_links_without_payload_or_url_and_unknown_types_are_kept()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var message = new CustomerMessage
        {
            Attachments =
            [
                new CustomerAttachment("sticker") { StickerId = "369239263222822", AlsoAsImage = true },
                new CustomerAttachment("fallback") { WithoutPayload = true, Title = "A shared post" },
                new CustomerAttachment("ig_reel") { Url = "https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=1" },
                new CustomerAttachment("image") { WithoutUrl = true },
            ],
        };
        var mid = Meta.Customers.Writes(Page, psid, message);
        var id = await WaitForMessageAsync(staff, psid, mid);

        var shown = (await MessagesAsync(staff, id)).Single();
        var attachments = shown.GetProperty("attachments").EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(attachments.Select(a => a.GetProperty("type").GetString()), Is.EqualTo(new[] { "sticker", "fallback", "ig_reel", "image" }));
            Assert.That(attachments[0].GetProperty("sticker_id").GetString(), Is.EqualTo("369239263222822"));
            Assert.That(attachments[0].GetProperty("copy").GetString(), Is.EqualTo("copied"));
            Assert.That(attachments[1].GetProperty("title").GetString(), Is.EqualTo("A shared post"));
            Assert.That(attachments[2].GetProperty("copy").GetString(), Is.EqualTo("none"), "a reel is linked, not copied");
            Assert.That(attachments[3].GetProperty("url").ValueKind, Is.EqualTo(JsonValueKind.Null));
        });
        var inbox = await staff.Api.GetFromJsonAsync<JsonElement>($"/api/conversations/{id}");
        Assert.That(inbox.GetProperty("conversation").GetProperty("last_message_preview").GetString(), Is.EqualTo("Sticker"));
    }

    /// <summary>A customer sends a cart from the page's shop (send_cart, for a page subscribed to that field): their message, which opens the window.</summary>
    [Test]
    public async Task A_cart_the_customer_sends_shows_as_their_message_and_can_be_answered()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        Meta.SubscribeFields(Page, "send_cart");
        Meta.Customers.SendsCart(Page, psid, [new SandboxCartProduct("7310482291047", "Trail 500", 1499.9m, "EUR") { RetailerId = "TR-500" }, new SandboxCartProduct("7310482291048", "Helmet", 59m, "EUR", 2)], "Pick-up in Porto");

        await staff.Probe.WaitUntilAsync("the cart", async () => await FindConversationAsync(staff, psid) is not null);
        var id = (await FindConversationAsync(staff, psid))!.Value;
        var message = (await MessagesAsync(staff, id)).Single();
        Assert.That(message.GetProperty("text").GetString(), Is.EqualTo("Sent a cart: 1 × Trail 500 (1499.9 EUR), 2 × Helmet (59 EUR)\nNote: Pick-up in Porto"));

        var reply = await staff.Api.PostAsJsonAsync("/admin/send-message", new { conversation_id = id, recipient_id = psid, message_text = "Both are in stock.", admin_id = staff.User.Id });
        Assert.That((await reply.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("success").GetBoolean(), Is.True);
        Assert.That(SentTo(psid).Select(s => (s.Text, s.MessagingType)), Is.EqualTo(new[] { ("Both are in stock.", "RESPONSE") }), "the cart opened the window");
    }

    [Test]
    public async Task Edits_and_reactions_show_on_their_messages_and_a_late_replay_undoes_nothing()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var mid = Meta.Customers.Writes(Page, psid, new CustomerMessage("Pick up at 5") { QuickReplyPayload = "PICKUP" });
        var id = await WaitForMessageAsync(staff, psid, mid);
        var standby = new MessengerShape { Envelope = MessengerEnvelope.Standby, Time = MessengerTimeForm.MillisString };

        Meta.Customers.Edits(Page, psid, mid, "Pick up at 6", 1, standby);
        await staff.Probe.WaitUntilAsync("the first edit", async () => (await MessagesAsync(staff, id)).Single().GetProperty("text").GetString() == "Pick up at 6");
        Clock.Advance(TimeSpan.FromMinutes(1));
        Meta.Customers.Edits(Page, psid, mid, "Pick up at 7", 2);
        await staff.Probe.WaitUntilAsync("the second edit", async () => (await MessagesAsync(staff, id)).Single().GetProperty("text").GetString() == "Pick up at 7");
        await ReplayAsync(Meta.WebhookDeliveries.First(d => d.Field == "message_edits" && d.Body.Contains(psid, StringComparison.Ordinal)));

        await staff.Api.PostAsJsonAsync($"/api/conversations/{id}/messages", new { text = "Sure!" });
        var replyMid = SentTo(psid).Single().MessageId;
        Meta.Customers.Reacts(Page, psid, replyMid, "👍", "like", shape: standby);
        await ProcessedAsync(staff);

        var thread = await MessagesAsync(staff, id);
        var customer = thread.Single(m => m.GetProperty("sender").GetString() == "customer");
        var reply = thread.Single(m => m.GetProperty("sender").GetString() == "staff");
        Assert.Multiple(() =>
        {
            Assert.That(customer.GetProperty("text").GetString(), Is.EqualTo("Pick up at 7"), "the replayed first edit changed nothing");
            Assert.That(customer.GetProperty("original_text").GetString(), Is.EqualTo("Pick up at 5"));
            Assert.That(customer.GetProperty("quick_reply_payload").GetString(), Is.EqualTo("PICKUP"));
            Assert.That(reply.GetProperty("reaction").GetProperty("emoji").GetString(), Is.EqualTo("👍"));
            Assert.That(reply.GetProperty("reaction").GetProperty("name").GetString(), Is.EqualTo("like"));
        });

        Clock.Advance(TimeSpan.FromSeconds(10));
        Meta.Customers.Reacts(Page, psid, replyMid, unreact: true);
        await staff.Probe.WaitUntilAsync("the unreact", async () =>
            (await MessagesAsync(staff, id)).Single(m => m.GetProperty("sender").GetString() == "staff").GetProperty("reaction").ValueKind == JsonValueKind.Null);
    }

    [Test]
    public async Task A_customer_arriving_from_an_ad_shows_the_ad_in_the_header_the_list_and_a_note_in_the_thread()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var id = await CustomerWritesAsync(staff, psid, "Hi");

        Meta.Customers.ArrivesFrom(Page, psid, new SandboxReferral("ADS", "summer", "6045246247433", "Summer rides"), new MessengerShape { Envelope = MessengerEnvelope.Changes });
        await staff.Probe.WaitUntilAsync("the referral", async () => (await ConversationAsync(staff, id)).GetProperty("referral").ValueKind == JsonValueKind.Object);

        var detail = await DetailAsync(staff, id);
        var note = detail.GetProperty("messages").EnumerateArray().Last();
        Assert.Multiple(() =>
        {
            Assert.That(note.GetProperty("kind").GetString(), Is.EqualTo("referral"));
            Assert.That(note.GetProperty("text").GetString(), Is.EqualTo("Came from ad “Summer rides” (ad 6045246247433) · ref summer"));
            Assert.That(detail.GetProperty("conversation").GetProperty("referral").GetProperty("ad_id").GetString(), Is.EqualTo("6045246247433"));
            Assert.That(detail.GetProperty("conversation").GetProperty("last_message_preview").GetString(), Is.EqualTo("Hi"), "a note is not a message");
        });
        using var browser = await App.SignedInClientAsync(staff.User);
        Assert.That(await browser.GetStringAsync($"/Inbox/Conversation/{id}"), Does.Contain("data-test=\"referral\""));
    }

    [Test]
    public async Task A_one_time_notification_optin_as_meta_sends_it_keeps_its_token_encrypted()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var id = await CustomerWritesAsync(staff, psid, "Tell me when it is back in stock");
        var token = Meta.Customers.OptsInOnce(Page, psid, "BACK_IN_STOCK", new MessengerShape { Envelope = MessengerEnvelope.Standby });
        await staff.Probe.WaitUntilAsync("the opt-in", async () => (await ConversationAsync(staff, id)).GetProperty("optin").ValueKind == JsonValueKind.Object);

        var raw = await staff.Api.GetStringAsync($"/api/conversations/{id}");
        await using var scope = App.ScopeFor(staff.User.Id);
        var stored = await App.Db(scope).Conversations.Where(c => c.Id == id).Select(c => new { c.OptinProtectedToken, c.OptinTokenExpiresAt, c.OptinType }).SingleAsync();
        Assert.Multiple(() =>
        {
            Assert.That(stored.OptinType, Is.EqualTo("one_time_notif_req"));
            Assert.That(stored.OptinProtectedToken, Is.Not.Null.And.Not.Contain(token), "kept, encrypted");
            Assert.That(stored.OptinTokenExpiresAt, Is.Null, "a one-time token has no expiry");
            Assert.That(raw, Does.Not.Contain(token), "the token is never shown");
        });
    }

    [Test]
    public async Task A_send_to_messenger_tap_after_an_optin_is_noted_in_the_thread_and_the_subscription_stays_whole()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var id = await CustomerWritesAsync(staff, psid, "Let me know about deals");
        Meta.Customers.OptsIn(Page, psid, "Weekly deals", "WEEKLY");
        await staff.Probe.WaitUntilAsync("the opt-in", async () => (await ConversationAsync(staff, id)).GetProperty("optin").ValueKind == JsonValueKind.Object);
        Clock.Advance(TimeSpan.FromMinutes(1));
        Meta.Customers.TapsSendToMessenger(Page, psid, "PRODUCT_PAGE");
        await staff.Probe.WaitUntilAsync("the tap's note", async () => (await MessagesAsync(staff, id)).Any(m => m.GetProperty("text").GetString() == "Opted in (Send to Messenger)"));

        var optin = (await ConversationAsync(staff, id)).GetProperty("optin");
        Assert.That((optin.GetProperty("type").GetString(), optin.GetProperty("title").GetString(), optin.GetProperty("frequency").GetString()),
            Is.EqualTo(("notification_messages", "Weekly deals", "WEEKLY")));
    }

    [Test]
    public async Task An_optin_to_notification_messages_is_recorded_and_its_token_kept_encrypted()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var id = await CustomerWritesAsync(staff, psid, "Let me know about deals");
        var token = Meta.Customers.OptsIn(Page, psid, "Weekly deals", "WEEKLY", new MessengerShape { Time = MessengerTimeForm.MillisString });
        await staff.Probe.WaitUntilAsync("the opt-in", async () => (await ConversationAsync(staff, id)).GetProperty("optin").ValueKind == JsonValueKind.Object);

        var raw = await staff.Api.GetStringAsync($"/api/conversations/{id}");
        var optin = (await ConversationAsync(staff, id)).GetProperty("optin");
        Assert.Multiple(() =>
        {
            Assert.That((optin.GetProperty("title").GetString(), optin.GetProperty("frequency").GetString()), Is.EqualTo(("Weekly deals", "WEEKLY")));
            Assert.That(optin.GetProperty("token_expires_at").GetDateTimeOffset(), Is.GreaterThan(Clock.GetUtcNow().AddDays(170)));
            Assert.That(raw, Does.Not.Contain(token), "the token is never shown");
        });

        await using var scope = App.ScopeFor(staff.User.Id);
        var stored = await App.Db(scope).Conversations.Where(c => c.Id == id).Select(c => c.OptinProtectedToken).SingleAsync();
        Assert.That(stored, Is.Not.Null.And.Not.Contain(token), "kept encrypted");
    }

    [TestCase(MessengerEnvelope.Messaging, MessengerTimeForm.MillisString)]
    [TestCase(MessengerEnvelope.Changes, MessengerTimeForm.MillisNumber)]
    [TestCase(MessengerEnvelope.Standby, MessengerTimeForm.SecondsString)]
    [TestCase(MessengerEnvelope.BareChange, MessengerTimeForm.MillisNumber)]
    public async Task A_customer_message_in_any_envelope_and_time_form_is_stored_once_at_metas_time(MessengerEnvelope envelope, MessengerTimeForm time)
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var at = Clock.GetUtcNow();
        var mid = Meta.Customers.Writes(Page, psid, new CustomerMessage("Olá"), new MessengerShape { Envelope = envelope, Time = time });
        var id = await WaitForMessageAsync(staff, psid, mid);
        await ReplayAsync(Meta.WebhookDeliveries.Last(d => d.Body.Contains(mid, StringComparison.Ordinal)));
        await ProcessedAsync(staff);

        var message = (await MessagesAsync(staff, id)).Single();
        var expected = time == MessengerTimeForm.SecondsString ? at.ToUnixTimeSeconds() * 1000 : at.ToUnixTimeMilliseconds();
        Assert.That(message.GetProperty("at").GetDateTimeOffset().ToUnixTimeMilliseconds(), Is.EqualTo(expected));
    }

    [Test]
    public async Task A_customer_the_sandbox_names_only_by_user_ref_is_skipped_without_failing_the_delivery()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        Meta.Customers.Taps(Page, psid, "Get Started", "GET_STARTED", shape: new MessengerShape { SenderAsUserRef = true, Envelope = MessengerEnvelope.Changes });
        await ProcessedAsync(staff);

        Assert.That(await FindConversationAsync(staff, psid), Is.Null);
        await using var scope = App.ScopeFor(staff.User.Id);
        var failed = await App.Db(scope).WebhookDeliveries.CountAsync(d => d.Status == LeadOps.Domain.Common.WebhookDeliveryStatus.Failed);
        Assert.That(failed, Is.Zero);
    }
}
