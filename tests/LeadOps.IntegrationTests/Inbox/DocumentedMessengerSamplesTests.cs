using System.Net.Http.Json;
using System.Text.Json;
using LeadOps.GraphSandbox;
using LeadOps.IntegrationTests.Inbox.Support;

namespace LeadOps.IntegrationTests.Inbox;

/// <summary>
/// Messenger webhook bodies in the form Meta's webhook reference pages print them: one bare <c>{"field","value"}</c>
/// change with no <c>object</c> or <c>entry</c>. Posted signed over the real app, each reaches the Inbox once.
/// </summary>
public sealed class DocumentedMessengerSamplesTests(DatabaseKind database) : InboxFixture(database)
{
    /// <summary>messenger-platform/reference/webhook-events/messaging_postbacks: the sample, with a string of seconds for its timestamp.</summary>
    [Test]
    public async Task The_postback_reference_sample_as_a_bare_change_opens_a_conversation_once()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var sample = $$"""
            {
              "field": "messaging_postbacks",
              "value": {
                "sender": {"id": "{{psid}}"},
                "recipient": {"id": "{{SandboxSeed.MainPageId}}"},
                "timestamp": "{{Clock.GetUtcNow().ToUnixTimeSeconds()}}",
                "postback": {"mid": "m_AG5Hz2Uq7tuwNEhXfYYKj8mJEM_{{psid}}", "title": "Get Started", "payload": "GET_STARTED"}
              }
            }
            """;

        await PostSignedWebhookAsync(sample);
        await PostSignedWebhookAsync(sample);
        await ProcessedAsync(staff);

        var id = await FindConversationAsync(staff, psid);
        Assert.That(id, Is.Not.Null, "the tap reached the Inbox");
        var taps = await MessagesAsync(staff, id!.Value);
        Assert.That(taps.Select(m => m.GetProperty("postback_payload").GetString()), Is.EqualTo(new[] { "GET_STARTED" }), "kept once");
    }

    /// <summary>messenger-platform/reference/webhook-events/messages: a text message with a quick reply, as a bare change.</summary>
    [Test]
    public async Task The_messages_reference_sample_as_a_bare_change_keeps_its_text()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var mid = "m_1457764197618_" + psid;
        var sample = $$$"""
            {"field":"messages","value":{"sender":{"id":"{{{psid}}}"},"recipient":{"id":"{{{SandboxSeed.MainPageId}}}"},"timestamp":{{{Clock.GetUtcNow().ToUnixTimeMilliseconds()}}},
              "message":{"mid":"{{{mid}}}","text":"hello, world!","quick_reply":{"payload":"DEVELOPER_DEFINED_PAYLOAD"}}
            }}
            """;

        await PostSignedWebhookAsync(sample);
        var id = await WaitForMessageAsync(staff, psid, mid);

        var message = (await MessagesAsync(staff, id)).Single();
        Assert.That(message.GetProperty("text").GetString(), Is.EqualTo("hello, world!"));
    }

    /// <summary>
    /// messenger-platform/webhooks/webhook-events/messaging_referrals, both examples as Meta prints them (the m.me one with
    /// its trailing comma), placeholders filled in: the ad's image, video thumbnail and product are kept and shown with the
    /// referral; the chat plugin's web page (<c>referer_uri</c>, from a postback's referral) too.
    /// </summary>
    [TestCase("ad", TestName = "Messaging_referrals_ad_referral_keeps_the_ads_image_video_and_product")]
    [TestCase("shortlink", TestName = "Messaging_referrals_m_me_link_with_metas_trailing_comma_is_read")]
    [TestCase("chat_plugin", TestName = "Postback_referral_from_the_chat_plugin_keeps_the_web_page")]
    public async Task A_documented_referral_sample_is_kept_whole_and_shown_where_the_inbox_shows_a_referral(string sample)
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var id = await CustomerWritesAsync(staff, psid, "Hi");
        var page = SandboxSeed.MainPageId;
        var at = Clock.GetUtcNow().ToUnixTimeMilliseconds();
        const string Photo = "https://scontent.xx.fbcdn.net/v/t45.1600-4/ad_photo.png?_nc_cat=1&oh=00_AbC";
        const string Video = "https://scontent.xx.fbcdn.net/v/t15.5256-10/ad_video_thumb.jpg?oh=00_XyZ";
        const string Website = "https://shop.example.com/bikes/trail-500";
        var (item, expected) = sample switch
        {
            "ad" => ($$"""
                {
                  "sender": {
                    "id": "{{psid}}"
                  },
                  "recipient": {
                    "id": "{{page}}"
                  },
                  "timestamp": {{at}},
                  "referral": {
                    "ref": "spring_sale",
                    "ad_id": "6045246247433",
                    "source": "ADS",
                    "type": "OPEN_THREAD",
                    "ads_context_data": {
                      "ad_title": "Trail 500, now 20% off",
                      "photo_url": "{{Photo}}",
                      "video_url": "{{Video}}",
                      "post_id": "{{page}}_1093512278",
                      "product_id": "7310482291047",
                      "flow_id": "1485327642038294"
                    }
                  }
                }
                """, "Came from ad “Trail 500, now 20% off” (ad 6045246247433) · product 7310482291047 · ref spring_sale"),
            "shortlink" => ($$"""
                {
                  "sender": {
                    "id": "{{psid}}"
                  },
                  "recipient": {
                    "id": "{{page}}"
                  },
                  "timestamp": {{at}},
                  "referral": {
                    "ref": "qr_counter",
                    "source": "SHORTLINK",
                    "type": "OPEN_THREAD",
                  }
                }
                """, "Came from shortlink · ref qr_counter"),
            _ => ($$$"""
                {"sender":{"id":"{{{psid}}}"},"recipient":{"id":"{{{page}}}"},"timestamp":{{{at}}},"postback":{"mid":"m_plugin_{{{psid}}}","title":"Get Started","payload":"GET_STARTED",
                  "referral":{"ref":"bikes_page","source":"CUSTOMER_CHAT_PLUGIN","type":"OPEN_THREAD","referer_uri":"{{{Website}}}","is_guest_user":false}}
                }
                """, $"Came from customer chat plugin on {Website} · ref bikes_page"),
        };

        await PostSignedWebhookAsync($$"""{"object":"page","entry":[{"id":"{{page}}","time":{{at}},"messaging":[{{item}}]}]}""");
        await staff.Probe.WaitUntilAsync("the referral", async () => (await ConversationAsync(staff, id)).GetProperty("referral").ValueKind == JsonValueKind.Object);

        var referral = (await ConversationAsync(staff, id)).GetProperty("referral");
        using var browser = await App.SignedInClientAsync(staff.User);
        var html = await browser.GetStringAsync($"/Inbox/Conversation/{id}");
        Assert.Multiple(() =>
        {
            Assert.That(referral.GetProperty("text").GetString(), Is.EqualTo(expected));
            Assert.That(referral.GetProperty("photo_url").GetString(), Is.EqualTo(sample == "ad" ? Photo : null));
            Assert.That(referral.GetProperty("video_url").GetString(), Is.EqualTo(sample == "ad" ? Video : null));
            Assert.That(referral.GetProperty("referer_uri").GetString(), Is.EqualTo(sample == "chat_plugin" ? Website : null));
            Assert.That(html, Does.Contain("data-test=\"referral\"").And.Contain(sample switch { "ad" => "product 7310482291047", "shortlink" => "ref qr_counter", _ => $"on {Website}" }));
            Assert.That(html.Contains("data-test=\"referral-photo\"", StringComparison.Ordinal), Is.EqualTo(sample == "ad"), "the ad's image is linked in the header");
        });
    }

    /// <summary>
    /// A customer's message that comes without a <c>mid</c> (Meta's standby and echo samples elide the rest of the message
    /// with "…"; a body shaped so is taken at its word): kept, and a replay of the same body kept once.
    /// </summary>
    [Test]
    public async Task A_standby_message_without_a_mid_is_kept_once()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var page = SandboxSeed.MainPageId;
        var at = Clock.GetUtcNow().ToUnixTimeMilliseconds();
        var sample = $$"""
            {
              "object":"page",
              "entry":[
                {
                  "id":"{{page}}",
                  "time":{{at}},
                  "standby":[
                    {
                      "sender":{
                        "id":"{{psid}}"
                      },
                      "recipient":{
                        "id":"{{page}}"
                      },
                      "timestamp":{{at}},
                      "message":{
                        "text":"Is the Trail 500 still in stock?"
                      }
                    }
                  ]
                }
              ]
            }
            """;

        await PostSignedWebhookAsync(sample);
        await PostSignedWebhookAsync(sample);
        await ProcessedAsync(staff);

        var id = await FindConversationAsync(staff, psid);
        Assert.That(id, Is.Not.Null, "the message reached the Inbox");
        var texts = (await MessagesAsync(staff, id!.Value)).Select(m => m.GetProperty("text").GetString());
        Assert.That(texts, Is.EqualTo(new[] { "Is the Trail 500 still in stock?" }), "kept once");
    }
    /// <summary>
    /// messenger-platform/webhooks/webhook-events/send_cart: a customer sends the page a cart from its shop (products with
    /// numeric ids and prices, a note; Meta prints it with trailing commas). It reaches the Inbox as the customer's message,
    /// once however often Meta delivers it.
    /// </summary>
    [Test]
    public async Task The_send_cart_reference_sample_reaches_the_inbox_as_the_customers_message_once()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var page = SandboxSeed.MainPageId;
        var at = Clock.GetUtcNow().ToUnixTimeMilliseconds();
        var sample = $$"""
            {"object":"page","entry":[{"id":"{{page}}","time":{{at}},"messaging":[
            {
              "sender": {
                "id": "{{psid}}"
              },
              "recipient": {
                "id": "{{page}}"
              },
              "timestamp": {{at}},
              "order": {
                "products": [
                  {
                    "id": 123,
                    "retailer_id": "retailer_id_1",
                    "name": "Trail 500",
                    "unit_price": 11,
                    "currency": "THB",
                    "quantity": 1,
                  },
                  {
                    "id": 456,
                    "retailer_id": "retailer_id_2",
                    "name": "Helmet",
                    "unit_price": 22.5,
                    "currency": "THB",
                    "quantity": 2,
                  },
                ],
                "note": "Deliver on Saturday, please",
              }
            }
            ]}]}
            """;

        await PostSignedWebhookAsync(sample);
        await PostSignedWebhookAsync(sample);
        await ProcessedAsync(staff);

        var id = await FindConversationAsync(staff, psid);
        Assert.That(id, Is.Not.Null, "the cart reached the Inbox");
        var texts = (await MessagesAsync(staff, id!.Value)).Select(m => m.GetProperty("text").GetString());
        Assert.That(texts, Is.EqualTo(new[] { "Sent a cart: 1 × Trail 500 (11 THB), 2 × Helmet (22.5 THB)\nNote: Deliver on Saturday, please" }), "kept once, products and note in Meta's order");
    }

    /// <summary>
    /// messaging_referrals with only what Meta always sends: an ad referral whose <c>ad_id</c> and <c>ads_context_data</c>
    /// are missing (the reference marks <c>ref</c> "if specified in the ad"), an m.me link without <c>ref</c>, a chat
    /// plugin referral without <c>referer_uri</c>, and an OPEN_THREAD with an empty <c>source</c>. The thread, its header and the list each say
    /// where the customer came from in a whole sentence, never "Came from ad " with nothing after it.
    /// </summary>
    [TestCase("{\"source\":\"ADS\",\"type\":\"OPEN_THREAD\"}", "Came from an ad", TestName = "Ad_referral_without_ad_id_or_title_says_came_from_an_ad")]
    [TestCase("{\"source\":\"ADS\",\"type\":\"OPEN_THREAD\",\"ad_id\":\"\",\"ads_context_data\":{\"ad_title\":\" \"}}", "Came from an ad", TestName = "Ad_referral_with_empty_ad_id_and_blank_title_says_came_from_an_ad")]
    [TestCase("{\"source\":\"SHORTLINK\",\"type\":\"OPEN_THREAD\"}", "Came from shortlink", TestName = "M_me_link_without_ref_has_no_dangling_ref")]
    [TestCase("{\"ref\":\"\",\"source\":\"CUSTOMER_CHAT_PLUGIN\",\"type\":\"OPEN_THREAD\",\"referer_uri\":\"\"}", "Came from customer chat plugin", TestName = "Chat_plugin_without_referer_uri_has_no_dangling_page")]
    [TestCase("{\"source\":\"\",\"type\":\"OPEN_THREAD\",\"ref\":\"menu\"}", "Came from a link · ref menu", TestName = "Open_thread_with_an_empty_source_says_came_from_a_link")]
    public async Task A_referral_that_names_nothing_still_reads_as_a_sentence_in_the_thread_header_and_list(string referral, string expected)
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var id = await CustomerWritesAsync(staff, psid, "Hi");
        var page = SandboxSeed.MainPageId;
        var at = Clock.GetUtcNow().ToUnixTimeMilliseconds() + 1;

        await PostSignedWebhookAsync($$"""
            {"object":"page","entry":[{"id":"{{page}}","time":{{at}},"messaging":[
              {"sender":{"id":"{{psid}}"},"recipient":{"id":"{{page}}"},"timestamp":{{at}},"referral":{{referral}}}
            ]}]}
            """);
        await staff.Probe.WaitUntilAsync("the referral", async () => (await ConversationAsync(staff, id)).GetProperty("referral").ValueKind == JsonValueKind.Object);

        var shown = (await ConversationAsync(staff, id)).GetProperty("referral").GetProperty("text").GetString();
        var thread = (await MessagesAsync(staff, id)).Select(m => m.GetProperty("text").GetString()).ToList();
        using var browser = await App.SignedInClientAsync(staff.User);
        var header = System.Net.WebUtility.HtmlDecode(await browser.GetStringAsync($"/Inbox/Conversation/{id}"));
        var list = System.Net.WebUtility.HtmlDecode(await browser.GetStringAsync("/Inbox"));
        Assert.Multiple(() =>
        {
            Assert.That(shown, Is.EqualTo(expected), "the conversation's referral");
            Assert.That(thread, Does.Contain(expected), "the thread's note");
            Assert.That(header, Does.Contain(expected), "the conversation page");
            Assert.That(list, Does.Contain($" · {expected}"), "the Inbox list");
            foreach (var html in new[] { header, list })
            {
                Assert.That(html, Does.Not.Match(@"Came from ad\s*<|Came from ad\s*$|Came from\s*·|· ref\s*<|\bon\s*·"), "nothing dangling");
            }
        });
    }

    /// <summary>
    /// messaging_customer_information (the Structured Information template's answer, "Structured Information Template",
    /// updated Mar 18, 2026): Meta names the webhook field but the copy read here prints no payload, so LeadOps reads no
    /// shape into it; the body below (<c>screens[].responses[{key,value}]</c>) is how integrators report it, *unverified*. A delivery that carries one beside a customer's message answers 200 and keeps the message; the form's
    /// event is skipped without a trace in the thread.
    /// </summary>
    [TestCase("messaging", TestName = "Customer_information_event_in_messaging_is_skipped_and_the_message_beside_it_kept")]
    [TestCase("changes", TestName = "Customer_information_change_is_skipped_and_the_message_beside_it_kept")]
    public async Task A_customer_information_event_is_skipped_safely_and_the_rest_of_the_delivery_is_kept(string form)
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var page = SandboxSeed.MainPageId;
        var at = Clock.GetUtcNow().ToUnixTimeMilliseconds();
        var mid = "m_after_form_" + psid;
        const string Information = """
            {"screens":[{"screen_id":0,"responses":[{"key":"street_1","value":"1 Hacker Way"},{"key":"city","value":"Menlo Park"},
              {"key":"postal_code","value":"94025"},{"key":"country","value":"US"}]}],"cta_id":7}
            """;
        var customerInformation = $$"""{"sender":{"id":"{{psid}}"},"recipient":{"id":"{{page}}"},"timestamp":{{at}},"messaging_customer_information":{{Information}}}""";
        var message = $$$"""{"sender":{"id":"{{{psid}}}"},"recipient":{"id":"{{{page}}}"},"timestamp":{{{at + 1}}},"message":{"mid":"{{{mid}}}","text":"Sent you my address"}}""";
        var entry = form == "messaging"
            ? $$"""{"id":"{{page}}","time":{{at}},"messaging":[{{customerInformation}},{{message}}]}"""
            : $$"""{"id":"{{page}}","time":{{at}},"changes":[{"field":"messaging_customer_information","value":{{customerInformation}}},{"field":"messages","value":{{message}}}]}""";

        await PostSignedWebhookAsync($$"""{"object":"page","entry":[{{entry}}]}"""); // answers 200 (asserted there)
        var id = await WaitForMessageAsync(staff, psid, mid);

        var texts = (await MessagesAsync(staff, id)).Select(m => m.GetProperty("text").GetString());
        Assert.That(texts, Is.EqualTo(new[] { "Sent you my address" }), "the message is kept and the form's event leaves nothing behind");
    }

    /// <summary>
    /// messenger-platform/webhooks/webhook-events/message-reactions ("message_reactions Webhook Event Reference", updated
    /// Oct 29, 2019) prints the emoji as <c>"emoji": "\u{2764}\u{FE0F}"</c> (a code-point escape JSON does not have) and a
    /// comma after the last key. Posted as printed (placeholders filled in, in an entry as Meta delivers it), the body is
    /// accepted, the heart shows on the reply it reacts to, and the rest of the delivery is kept.
    /// </summary>
    [Test]
    public async Task The_message_reactions_sample_with_its_code_point_escape_shows_the_heart_on_the_reply()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var page = SandboxSeed.MainPageId;
        var id = await CustomerWritesAsync(staff, psid, "Thanks for the quick fix!");
        await staff.Api.PostAsJsonAsync($"/api/conversations/{id}/messages", new { text = "Any time." });
        var replyMid = SentTo(psid).Single().MessageId;
        var at = Clock.GetUtcNow().ToUnixTimeMilliseconds();
        var sample = $$"""
            {
               "sender":{
                  "id":"{{psid}}"
               },
               "recipient":{
                  "id":"{{page}}"
               },
               "timestamp":{{at}},
               "reaction":{
                     "reaction": "love",
                     "emoji": "\u{2764}\u{FE0F}",
                     "action": "react",
                     "mid": "{{replyMid}}",
               }
            }
            """;
        var other = NewPsid();
        var message = $$$"""{"sender":{"id":"{{{other}}}"},"recipient":{"id":"{{{page}}}"},"timestamp":{{{at}}},"message":{"mid":"m_after_reaction_{{{other}}}","text":"Open today?"}}""";
        var body = $$"""{"object":"page","entry":[{"id":"{{page}}","time":{{at}},"messaging":[{{sample}},{{message}}]}]}""";

        await PostSignedWebhookAsync(body);
        await WaitForMessageAsync(staff, other, "m_after_reaction_" + other);

        var reply = (await MessagesAsync(staff, id)).Single(m => m.GetProperty("sender").GetString() == "staff");
        Assert.Multiple(() =>
        {
            Assert.That(reply.GetProperty("reaction").ValueKind, Is.EqualTo(JsonValueKind.Object), reply.ToString());
            Assert.That(reply.GetProperty("reaction").GetProperty("emoji").GetString(), Is.EqualTo("\u2764\uFE0F"));
            Assert.That(reply.GetProperty("reaction").GetProperty("name").GetString(), Is.EqualTo("love"));
        });
    }

    /// <summary>
    /// messenger-platform/webhooks/webhook-events/messages ("messages Webhook Event Reference", updated Mar 27, 2026) prints
    /// its "Message with attachment" sample as one entry, <c>{"id","time","messaging":[…]}</c>, and its "Text Message" and
    /// "Reply Message" samples as one bare event, <c>{"sender","recipient","timestamp","message"}</c> (the reply with
    /// <c>reply_to.is_self_reply</c>), none in <c>{"object","entry":[…]}</c>. Each posted so reaches the Inbox, once
    /// however often it comes, in the thread of the customer it names.
    /// </summary>
    [Test]
    public async Task The_messages_reference_samples_as_a_bare_entry_and_bare_events_reach_the_inbox_once()
    {
        var staff = await NewStaffAsync();
        var (attaching, writing) = (NewPsid(), NewPsid());
        var page = SandboxSeed.MainPageId;
        var at = Clock.GetUtcNow().ToUnixTimeMilliseconds();
        var imageUrl = new Uri(App.Sandbox.BaseAddress, "cdn/not-there.png").ToString();
        var entry = $$"""
            {
              "id": "{{page}}",
              "time": {{at}},
              "messaging": [
                {
                  "sender": {
                    "id": "{{attaching}}"
                  },
                  "recipient": {
                    "id": "{{page}}"
                  },
                  "timestamp": {{at}},
                  "message": {
                    "mid": "mid.$cAAJdkrCd2ORnva8ErFhjGm0X_Q_c{{attaching}}",
                    "attachments": [
                      {
                        "type": "image",
                        "payload": {
                          "url": "{{imageUrl}}"
                        }
                      }
                    ]
                  }
                }
              ]
            }
            """;
        var text = $$"""
            {
              "sender":{
                "id":"{{writing}}"
              },
              "recipient":{
                "id":"{{page}}"
              },
              "timestamp":{{at}},
              "message":{
                "mid":"mid.1457764197618:41d102a3e1ae206a38{{writing}}",
                "text":"hello, world!",
                "quick_reply": {
                  "payload": "DEVELOPER_DEFINED_PAYLOAD"
                }
              }
            }
            """;
        var reply = $$"""
            {
              "sender":{
                "id":"{{writing}}"
              },
              "recipient":{
                "id":"{{page}}"
              },
              "timestamp":{{at + 1000}},
              "message":{
                "mid":"m_1457764197618:41d102a3e1ae206a38{{writing}}",
                "text":"hello again",
                "reply_to": {
                  "mid":"mid.1457764197618:41d102a3e1ae206a38{{writing}}",
                  "is_self_reply": true
                }
              }
            }
            """;

        foreach (var body in new[] { entry, text, reply, entry, text, reply })
        {
            await PostSignedWebhookAsync(body);
        }

        var withImage = await WaitForMessageAsync(staff, attaching, "mid.$cAAJdkrCd2ORnva8ErFhjGm0X_Q_c" + attaching);
        var withText = await WaitForMessageAsync(staff, writing, "m_1457764197618:41d102a3e1ae206a38" + writing);
        await ProcessedAsync(staff);

        var image = (await MessagesAsync(staff, withImage)).Single();
        var thread = await MessagesAsync(staff, withText);
        Assert.Multiple(() =>
        {
            Assert.That(image.GetProperty("attachments").EnumerateArray().Single().GetProperty("type").GetString(), Is.EqualTo("image"));
            Assert.That(thread.Select(m => m.GetProperty("text").GetString()), Is.EqualTo(new[] { "hello, world!", "hello again" }), "each once");
            Assert.That(thread[1].GetProperty("reply_to").GetProperty("mid").GetString(), Is.EqualTo("mid.1457764197618:41d102a3e1ae206a38" + writing));
        });
    }
}
