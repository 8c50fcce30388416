using System.Text.Json;
using LeadOps.GraphSandbox;
using LeadOps.IntegrationTests.Inbox.Support;
using Microsoft.EntityFrameworkCore;

namespace LeadOps.IntegrationTests.Inbox;

/// <summary>
/// What a customer shares rather than writes, posted as Meta's <c>messages</c> and <c>message_echoes</c> references write
/// it: a link (a <c>fallback</c> without payload whose link is <c>"URL"</c>), products from a shop
/// (<c>payload.product.elements[]</c>), a generic or a button template the page sent. Staff see the link and the titles; before, the
/// link and the product names were dropped.
/// </summary>
public sealed class SharedContentTests(DatabaseKind database) : InboxFixture(database)
{
    private const string Page = SandboxSeed.MainPageId;

    [Test]
    public async Task A_shared_link_and_shared_products_as_metas_reference_writes_them_show_their_link_and_names()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var at = Clock.GetUtcNow().ToUnixTimeMilliseconds();
        var body = """
            {"object":"page","entry":[{"id":"PAGE","time":AT_NOW,
             "messaging":[{"sender":{"id":"PSID"},"recipient":{"id":"PAGE"},"timestamp":AT_NOW,"message":{"mid":"m_share_PSID","text":"Is this in stock?",
               "attachments":[
                 {"type":"fallback","payload":null,"title":"Spring rides","URL":"https://example.com/spring"},
                 {"type":"template","payload":{"product":{"elements":[
                   {"id":"3119374954829390","retailer_id":"bike-29","image_url":"https://scontent.xx.fbcdn.net/p.jpg","title":"Trail bike 29er","subtitle":"1299 EUR"},
                   {"id":3119374954829391,"retailer_id":"helmet","image_url":"https://scontent.xx.fbcdn.net/h.jpg","title":"Helmet","subtitle":"89 EUR"}]}}}]}}],
             "standby":[{"sender":{"id":"PAGE"},"recipient":{"id":"PSID"},"timestamp":AT_NEXT,"message":{"mid":"m_card_PSID","is_echo":true,"app_id":1517776481860111,
               "attachments":[{"type":"template","payload":{"template_type":"generic","sharable":false,"elements":[{"title":"Welcome!","subtitle":"We have the right hat for everyone.",
                 "buttons":[{"type":"postback","title":"Start Chatting","payload":"DEVELOPER_DEFINED_PAYLOAD"}]}]}}]}},
               {"sender":{"id":"PAGE"},"recipient":{"id":"PSID"},"timestamp":AT_NEXT,"message":{"mid":"m_ask_PSID","is_echo":true,"app_id":1517776481860111,
                 "attachments":[{"type":"template","payload":{"template_type":"button","text":"What do you want to do next?","buttons":[{"type":"web_url","url":"https://www.messenger.com","title":"Visit Messenger"}]}}]}}]}]}
            """
            .Replace("PAGE", Page, StringComparison.Ordinal).Replace("PSID", psid, StringComparison.Ordinal)
            .Replace("AT_NEXT", (at + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("AT_NOW", at.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

        await PostSignedWebhookAsync(body);
        var id = await WaitForMessageAsync(staff, psid, "m_ask_" + psid);
        await ProcessedAsync(staff);

        await using (var scope = App.ScopeFor(staff.User.Id))
        {
            var delivery = await App.Db(scope).WebhookDeliveries.AsNoTracking().SingleAsync(d => d.Body.Contains("m_share_" + psid));
            Assert.That((delivery.Status, delivery.Attempts, delivery.LastError), Is.EqualTo((LeadOps.Domain.Common.WebhookDeliveryStatus.Processed, 1, (string?)null)));
        }

        var messages = (await MessagesAsync(staff, id)).ToDictionary(m => m.GetProperty("mid").GetString()!);
        var shared = messages["m_share_" + psid].GetProperty("attachments").EnumerateArray().ToList();
        var card = messages["m_card_" + psid].GetProperty("attachments").EnumerateArray().Single();
        Assert.Multiple(() =>
        {
            Assert.That(messages["m_share_" + psid].GetProperty("text").GetString(), Is.EqualTo("Is this in stock?"));
            Assert.That(shared.Select(a => (a.GetProperty("type").GetString(), a.GetProperty("title").GetString())),
                Is.EqualTo(new[] { ("fallback", "Spring rides"), ("template", "Trail bike 29er, Helmet") }));
            Assert.That(shared[0].GetProperty("url").GetString(), Is.EqualTo("https://example.com/spring"), "the shared link");
            Assert.That(shared.Select(a => a.GetProperty("copy").GetString()), Is.EqualTo(new[] { "none", "none" }), "a link or a product is not downloaded");
            Assert.That(card.GetProperty("title").GetString(), Is.EqualTo("Welcome!"), "the card the page sent, by its title");
            Assert.That(messages["m_ask_" + psid].GetProperty("attachments")[0].GetProperty("title").GetString(), Is.EqualTo("What do you want to do next?"),
                "the question of a button template the page sent");
        });
    }

    [Test]
    public async Task A_link_a_customer_shares_through_the_sandbox_arrives_as_meta_documents_it_and_shows_its_link()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var mid = Meta.Customers.Writes(Page, psid, new CustomerMessage
        {
            Attachments = [new CustomerAttachment("fallback") { Title = "Spring rides", Url = "https://example.com/spring" }],
        });
        var id = await WaitForMessageAsync(staff, psid, mid);

        using var sent = JsonDocument.Parse(Meta.WebhookDeliveries.Select(d => d.Body).First(b => b.Contains(mid, StringComparison.Ordinal)));
        var sentLink = sent.RootElement.GetProperty("entry")[0].GetProperty("messaging")[0].GetProperty("message").GetProperty("attachments")[0];
        var link = (await MessagesAsync(staff, id)).Single().GetProperty("attachments").EnumerateArray().Single();
        Assert.Multiple(() =>
        {
            Assert.That((sentLink.GetProperty("URL").GetString(), sentLink.GetProperty("payload").ValueKind), Is.EqualTo(("https://example.com/spring", JsonValueKind.Null)),
                "the sandbox sends Meta's documented form");
            Assert.That(link.GetProperty("url").GetString(), Is.EqualTo("https://example.com/spring"));
            Assert.That(link.GetProperty("title").GetString(), Is.EqualTo("Spring rides"));
        });
    }

    [Test]
    public async Task A_shared_link_that_is_not_a_web_address_is_shown_as_its_title_and_never_made_clickable()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var mid = Meta.Customers.Writes(Page, psid, new CustomerMessage
        {
            Attachments =
            [
                new CustomerAttachment("fallback") { Title = "Script link", Url = "javascript:alert(document.cookie)" },
                new CustomerAttachment("fallback") { Title = "Spring rides", Url = "https://example.com/spring" },
            ],
        });
        var id = await WaitForMessageAsync(staff, psid, mid);

        using var browser = await App.SignedInClientAsync(staff.User);
        var html = await browser.GetStringAsync($"/Inbox/Conversation/{id}");
        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Not.Contain("href=\"javascript:"), "only http(s) links are clickable");
            Assert.That(html, Does.Contain("fallback: Script link"), "the other link is named by its title");
            Assert.That(html, Does.Contain("href=\"https://example.com/spring\""), "a web address stays a link");
        });
    }
    /// <summary>
    /// The messages reference (updated Mar 27, 2026) lists reel, ig_reel, post and ig_post among the attachment types, each
    /// with <c>payload.url</c>: its "Message with attachment" sample as it prints it (a bare entry), placeholders filled in.
    /// The Inbox list and the thread name the share in words; before, the list said "Attachment (ig_reel)" and the thread
    /// "Open the ig_reel".
    /// </summary>
    [TestCase("reel", "Reel", "Open the reel", TestName = "A_reel_is_named_in_the_list_and_the_thread")]
    [TestCase("ig_reel", "Instagram reel", "Open the Instagram reel", TestName = "An_instagram_reel_is_named_in_the_list_and_the_thread")]
    [TestCase("post", "Shared post", "Open the shared post", TestName = "A_shared_post_is_named_in_the_list_and_the_thread")]
    [TestCase("ig_post", "Shared Instagram post", "Open the shared Instagram post", TestName = "A_shared_instagram_post_is_named_in_the_list_and_the_thread")]
    public async Task A_shared_reel_or_post_is_named_in_words(string type, string preview, string link)
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var at = Clock.GetUtcNow().ToUnixTimeMilliseconds();
        var mid = $"mid.$cAAJdkrCd2ORnva8ErFhjGm0X_{psid}";
        var sample = $$"""
            {
              "id": "{{Page}}",
              "time": {{at}},
              "messaging": [
                {
                  "sender": {"id": "{{psid}}"},
                  "recipient": {"id": "{{Page}}"},
                  "timestamp": {{at}},
                  "message": {
                    "mid": "{{mid}}",
                    "attachments": [{"type": "{{type}}", "payload": {"url": "https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=18139494541428835&signature=AbC"} }]
                  }
                }
              ]
            }
            """;

        await PostSignedWebhookAsync(sample);
        var id = await WaitForMessageAsync(staff, psid, mid);

        var conversation = await ConversationAsync(staff, id);
        using var browser = await App.SignedInClientAsync(staff.User);
        var thread = await browser.GetStringAsync($"/Inbox/Conversation/{id}");
        Assert.Multiple(() =>
        {
            Assert.That(conversation.GetProperty("last_message_preview").GetString(), Is.EqualTo(preview));
            Assert.That(thread, Does.Contain($"{link} (Meta&#x27;s link)").Or.Contain($"{link} (Meta's link)"));
        });
    }

    /// <summary>The sandbox sends a reel a customer shares as the messages reference writes it (<c>payload.url</c>, Meta's CDN).</summary>
    [Test]
    public async Task A_reel_shared_through_the_sandbox_is_named_in_the_list()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var mid = Meta.Customers.Writes(Page, psid, new CustomerMessage { Attachments = [new CustomerAttachment("ig_reel")] });
        var id = await WaitForMessageAsync(staff, psid, mid);

        Assert.That((await ConversationAsync(staff, id)).GetProperty("last_message_preview").GetString(), Is.EqualTo("Instagram reel"));
    }
}
