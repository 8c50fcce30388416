using System.Text.Json;
using LeadOps.GraphSandbox;
using LeadOps.IntegrationTests.Inbox.Support;

namespace LeadOps.IntegrationTests.Inbox;

/// <summary>
/// Parts of Meta's <c>messages</c> webhook reference (developers.facebook.com/documentation/business-messaging/
/// messenger-platform/webhooks/webhook-events/messages) that carry what the customer is asking about: the product of a
/// Shops product page (<c>message.referral.product.id</c>) and an appointment booked in Messenger
/// (<c>appointment_booking</c> attachments). Sent through the sandbox as Meta writes them, and posted as the reference prints them.
/// </summary>
public sealed class MessengerWireTests(DatabaseKind database) : InboxFixture(database)
{
    private const string Page = SandboxSeed.MainPageId;

    /// <summary>
    /// "<c>referral</c> payload is only provided when the user sends a message from the Shops product detail page":
    /// <c>message.referral {"product":{"id":…}}</c>, without a source, an ad or a ref. Staff see which product the customer
    /// asks about, in the header and as a note in the thread; before, the referral was read as empty and dropped.
    /// </summary>
    [Test]
    public async Task A_message_from_a_shops_product_page_shows_the_product_it_asks_about()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var mid = Meta.Customers.Writes(Page, psid, new CustomerMessage("Is this one in stock?") { Referral = SandboxReferral.ShopProduct("7310245923451") });
        var id = await WaitForMessageAsync(staff, psid, mid);

        using var sent = JsonDocument.Parse(Meta.WebhookDeliveries.Select(d => d.Body).First(b => b.Contains(mid, StringComparison.Ordinal)));
        var sentReferral = sent.RootElement.GetProperty("entry")[0].GetProperty("messaging")[0].GetProperty("message").GetProperty("referral");
        var referral = (await ConversationAsync(staff, id)).GetProperty("referral");
        var messages = await MessagesAsync(staff, id);
        Assert.Multiple(() =>
        {
            Assert.That(sentReferral.GetRawText(), Is.EqualTo("""{"product":{"id":"7310245923451"}}"""), "the sandbox writes Meta's documented form");
            Assert.That(referral.ValueKind, Is.EqualTo(JsonValueKind.Object), "the conversation keeps the referral");
            Assert.That(referral.ValueKind == JsonValueKind.Object ? referral.GetProperty("product_id").GetString() : null, Is.EqualTo("7310245923451"));
            Assert.That(messages.Select(m => (m.GetProperty("kind").GetString(), m.GetProperty("text").GetString())),
                Is.EquivalentTo(new[] { ("message", "Is this one in stock?"), ("referral", "Came from the shop's product page · product 7310245923451") }));
        });
    }

    /// <summary>
    /// The reference's attachment table: <c>appointment_booking</c> with <c>payload {booking_id, status, start_time,
    /// end_time, timezone}</c> (times in unix seconds, the zone an IANA name). Staff see the booking's state and time in the
    /// customer's zone, in the thread and the Inbox list; before, it showed as "Attachment (appointment_booking)".
    /// </summary>
    [Test]
    public async Task An_appointment_booked_in_messenger_shows_its_state_and_time()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var start = new DateTimeOffset(2026, 12, 10, 23, 0, 0, TimeSpan.Zero); // 15:00 in Los Angeles
        var mid = Meta.Customers.Writes(Page, psid, new CustomerMessage
        {
            Attachments = [CustomerAttachment.Appointment("1122334455", "requested", start, start.AddHours(1), "America/Los_Angeles")],
        });
        var id = await WaitForMessageAsync(staff, psid, mid);

        var psid2 = NewPsid();
        var at = Clock.GetUtcNow().ToUnixTimeMilliseconds();
        await PostSignedWebhookAsync($$$"""
            {"object":"page","entry":[{"id":"{{{Page}}}","time":{{{at}}},"messaging":[{"sender":{"id":"{{{psid2}}}"},"recipient":{"id":"{{{Page}}}"},"timestamp":{{{at}}},
              "message":{"mid":"m_booking_{{{psid2}}}","attachments":[{"type":"appointment_booking","payload":{"booking_id":"9988","status":"cancelled",
                "start_time":"{{{start.ToUnixTimeSeconds()}}}","end_time":null,"timezone":"Not/AZone"}}]}}]}]}
            """);
        var other = await WaitForMessageAsync(staff, psid2, "m_booking_" + psid2);

        using var sent = JsonDocument.Parse(Meta.WebhookDeliveries.Select(d => d.Body).First(b => b.Contains(mid, StringComparison.Ordinal)));
        var sentPayload = sent.RootElement.GetProperty("entry")[0].GetProperty("messaging")[0].GetProperty("message").GetProperty("attachments")[0].GetProperty("payload");
        var booking = (await MessagesAsync(staff, id)).Single().GetProperty("attachments").EnumerateArray().Single();
        var cancelled = (await MessagesAsync(staff, other)).Single().GetProperty("attachments").EnumerateArray().Single();
        using var browser = await App.SignedInClientAsync(staff.User);
        var page = await browser.GetStringAsync($"/Inbox/Conversation/{id}");
        Assert.Multiple(async () =>
        {
            Assert.That(
                (sentPayload.GetProperty("booking_id").GetString(), sentPayload.GetProperty("status").GetString(), sentPayload.GetProperty("start_time").GetInt64(),
                    sentPayload.GetProperty("end_time").GetInt64(), sentPayload.GetProperty("timezone").GetString()),
                Is.EqualTo(("1122334455", "requested", start.ToUnixTimeSeconds(), start.AddHours(1).ToUnixTimeSeconds(), "America/Los_Angeles")),
                "the sandbox writes the reference's payload");
            Assert.That(booking.GetProperty("type").GetString(), Is.EqualTo("appointment_booking"));
            Assert.That(booking.GetProperty("title").GetString(), Is.EqualTo("Appointment requested: Thu 10 Dec 2026 15:00–16:00 (America/Los_Angeles)"));
            Assert.That(cancelled.GetProperty("title").GetString(), Is.EqualTo("Appointment cancelled: Thu 10 Dec 2026 23:00 (UTC)"), "an unknown zone reads in UTC, a missing end is left out");
            Assert.That(System.Net.WebUtility.HtmlDecode(page), Does.Contain("Appointment requested: Thu 10 Dec 2026 15:00–16:00 (America/Los_Angeles)"), "the thread page shows it");
            Assert.That((await ConversationAsync(staff, id)).GetProperty("last_message_preview").GetString(), Is.EqualTo("Appointment requested: Thu 10 Dec 2026 15:00–16:00 (America/Los_Angeles)"));
        });
    }

    /// <summary>
    /// The referral beside the message or the tap rather than inside it, <c>{"sender","recipient","timestamp","message":{…},
    /// "referral":{…}}</c>, as public projects model the event (the Python webhook models that put <c>referral</c> on
    /// <c>EventEntryMessage</c> beside <c>message</c> and <c>postback</c>, titled "Referral of the message from Shops product
    /// details page"; a TypeScript <c>MessengerMessage</c> with <c>message?</c> and <c>referral?</c> side by side). Meta's
    /// reference nests it; read either way, the ad that brought the customer is kept with their first words.
    /// </summary>
    [Test]
    public async Task A_referral_beside_the_message_or_the_tap_is_kept_with_it()
    {
        var staff = await NewStaffAsync();
        var (writer, tapper) = (NewPsid(), NewPsid());
        var at = Clock.GetUtcNow().ToUnixTimeMilliseconds();
        const string Ad = """{"ref":"spring","ad_id":"6045246247433","source":"ADS","type":"OPEN_THREAD","ads_context_data":{"ad_title":"Spring rides","post_id":"108_77"}}""";
        await PostSignedWebhookAsync($$$"""
            {"object":"page","entry":[{"id":"{{{Page}}}","time":{{{at}}},"messaging":[
              {"sender":{"id":"{{{writer}}}"},"recipient":{"id":"{{{Page}}}"},"timestamp":{{{at}}},"message":{"mid":"m_ad_{{{writer}}}","text":"Hi, is the offer still on?"},"referral":{{{Ad}}}},
              {"sender":{"id":"{{{tapper}}}"},"recipient":{"id":"{{{Page}}}"},"timestamp":{{{at}}},"postback":{"mid":"m_tap_{{{tapper}}}","title":"Get Started","payload":"GET_STARTED"},"referral":{{{Ad}}}}
            ]}]}
            """);
        var written = await WaitForMessageAsync(staff, writer, "m_ad_" + writer);
        var tapped = await WaitForMessageAsync(staff, tapper, "m_tap_" + tapper);

        foreach (var id in new[] { written, tapped })
        {
            var referral = (await ConversationAsync(staff, id)).GetProperty("referral");
            var notes = (await MessagesAsync(staff, id)).Where(m => m.GetProperty("kind").GetString() == "referral").Select(m => m.GetProperty("text").GetString());
            Assert.Multiple(() =>
            {
                Assert.That(referral.ValueKind == JsonValueKind.Object ? referral.GetProperty("ad_id").GetString() : null, Is.EqualTo("6045246247433"));
                Assert.That(notes, Is.EqualTo(new[] { "Came from ad “Spring rides” (ad 6045246247433) · ref spring" }));
            });
        }
    }
}
