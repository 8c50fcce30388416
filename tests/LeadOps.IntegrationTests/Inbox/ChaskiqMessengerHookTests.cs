using System.Text.Json;
using LeadOps.GraphSandbox;
using LeadOps.IntegrationTests.Inbox.Support;

namespace LeadOps.IntegrationTests.Inbox;

/// <summary>
/// The Messenger bodies chaskiq/chaskiq builds in <c>spec/controllers/api/v1/hooks/messenger_spec.rb</c> (its
/// <c>data_for</c> and <c>data_for_media</c>), ids moved to this test's page, customers and clock, posted signed to the real
/// /webhook as chaskiq writes them: the entry's <c>id</c> is the customer (<c>messenger_user</c>), not the page, some
/// <c>mid</c>s are JSON numbers, and the body carries the keys Rails adds to its params (<c>controller</c>, <c>action</c>,
/// a top-level <c>id</c>).
/// </summary>
public sealed class ChaskiqMessengerHookTests(DatabaseKind database) : InboxFixture(database)
{
    private const string Page = SandboxSeed.MainPageId;

    private static string Shown(JsonElement m) =>
        $"{m.GetProperty("direction").GetString()}|{m.GetProperty("text").GetString()}|" +
        string.Join(",", m.GetProperty("attachments").EnumerateArray().Select(a => a.GetProperty("type").GetString()));

    /// <summary>chaskiq's <c>data_for</c>: one event in an entry named by the customer, with Rails' keys beside <c>entry</c>.</summary>
    private static string DataFor(string entryId, long time, string sender, string recipient, string message) =>
        $$$"""{"object":"page","entry":[{"id":"{{{entryId}}}","time":{{{time + 192}}},"messaging":[{"sender":{"id":"{{{sender}}}"},"recipient":{"id":"{{{recipient}}}"},"timestamp":{{{time}}},"message":{{{message}}}}]}],"controller":"api/v1/hooks/provider","action":"process_event","id":"eyJfcmFpbHMiOnsibWVzc2FnZSI6IkJBaHBCZz09In19"}""";

    /// <summary>
    /// "receive two messages in single conversation", "receive text with breakline" (a <c>mid</c> that is the JSON number 1)
    /// and "receive conversation media" (three images from Meta's CDN): each body's entry is named by the customer who wrote,
    /// the page only as the recipient; then "reply from agent on messenger", an echo (no <c>app_id</c>: the Page inbox) whose
    /// <c>mid</c> is a number, in an entry named by the customer it was sent to. Each body is posted twice. The customer's
    /// words and pictures and the page's reply reach the Inbox, in one conversation, once each, and every delivery is
    /// processed at the first attempt. Before, each delivery was Unroutable (no page of that id) and nothing reached the Inbox.
    /// </summary>
    [Test]
    public async Task Messages_and_an_echo_in_entries_named_by_the_customer_reach_the_page_once()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var at = Clock.GetUtcNow().ToUnixTimeMilliseconds();
        var media = $$$"""
            {"mid":"m_SI8mIb5AznFXdNPD41lPdC8S8D0J3Za7tGejm-0UcxpXQ2wewM_m-nLHh0_JczziFl2DCV5ALk0dLjWEL8Hcpg{{{psid}}}","attachments":[
              {"type":"image","payload":{"url":"https://scontent.xx.fbcdn.net/v/t1.15752-9/89914047_3064283150302931_8803003611702362112_n.jpg?_nc_cat=106&_nc_sid=b96e70&oe=5E943DF1"}},
              {"type":"image","payload":{"url":"https://scontent.xx.fbcdn.net/v/t1.15752-9/89932582_3336984223001587_8084394951028244480_n.jpg?_nc_cat=101&_nc_sid=b96e70&oe=5E93E844"}},
              {"type":"image","payload":{"url":"https://scontent.xx.fbcdn.net/v/t1.15752-9/89964471_2707657919513302_5539075521851162624_n.jpg?_nc_cat=109&_nc_sid=b96e70&oe=5E9422E3"}}]}
            """;
        var bodies = new[]
        {
            DataFor(psid, at, psid, Page, $$"""{"mid":"1234{{psid}}","text":"oli"}"""),
            DataFor(psid, at + 1000, psid, Page, $$"""{"mid":"1235{{psid}}","text":"oli"}"""),
            DataFor(psid, at + 2000, psid, Page, $$"""{"mid":{{psid}}1,"text":"one\ntwo\ntree\n✌️"}"""),
            DataFor(psid, at + 3000, psid, Page, media),
            DataFor(psid, at + 4000, Page, psid, $$"""{"mid":{{psid}}2,"text":"hip","is_echo":true}"""),
        };
        foreach (var body in bodies)
        {
            await PostSignedWebhookAsync(body);
            await PostSignedWebhookAsync(body);
        }

        await ProcessedAsync(staff);
        var id = await FindConversationAsync(staff, psid);
        var thread = id is { } found ? await MessagesAsync(staff, found) : [];

        Assert.Multiple(async () =>
        {
            Assert.That(await DeliveriesAsync(staff, "\"action\":\"process_event\""), Has.Count.EqualTo(10).And.All.EqualTo((Domain.Common.WebhookDeliveryStatus.Processed, 1, (string?)null)));
            Assert.That(thread.Select(Shown), Is.EqualTo(new[]
            {
                "inbound|oli|",
                "inbound|oli|",
                "inbound|one\ntwo\ntree\n✌️|",
                "inbound||image,image,image",
                "outbound|hip|",
            }), string.Join(" | ", thread.Select(m => m.GetRawText())));
            Assert.That(await FindConversationAsync(staff, Page), Is.Null, "no conversation with the page itself");
        });
    }

    /// <summary>
    /// The same form as the sandbox writes it (<c>MessengerShape.EntryIdIsCustomer</c> in <c>messaging[]</c>): a customer's
    /// message, a tap and a reply typed in Meta's Page inbox, each in an entry whose <c>id</c> is the customer. All three reach
    /// the customer's conversation on the connected page, and no conversation is started with the page.
    /// </summary>
    [Test]
    public async Task The_sandboxs_entries_named_by_the_customer_reach_the_customers_conversation()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var named = new MessengerShape { Envelope = MessengerEnvelope.Messaging, EntryIdIsCustomer = true };
        var mid = Meta.Customers.Writes(Page, psid, new CustomerMessage("Is the blue one in stock?"), named);
        var tap = Meta.Customers.Taps(Page, psid, "Talk to a person", "HUMAN_AGENT", shape: named);
        var echo = Meta.Customers.PageInboxAnswers(Page, psid, "Yes, two left.", named);
        var id = await WaitForMessageAsync(staff, psid, echo);

        Assert.Multiple(async () =>
        {
            Assert.That(App.Webhooks.Received.Select(w => w.Json).Count(b => b.GetProperty("entry")[0].GetProperty("id").GetString() == psid), Is.EqualTo(3), "each entry names the customer");
            Assert.That((await MessagesAsync(staff, id)).Select(m => m.GetProperty("mid").GetString()), Is.EqualTo(new[] { mid, tap, echo }));
            Assert.That(await FindConversationAsync(staff, Page), Is.Null, "no conversation with the page as the customer");
        });
    }
}
