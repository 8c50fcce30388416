using System.Text.Json;
using LeadOps.GraphSandbox;
using LeadOps.IntegrationTests.Inbox.Support;
using Microsoft.EntityFrameworkCore;

namespace LeadOps.IntegrationTests.Inbox;

/// <summary>
/// Webhook bodies restfb/restfb (the Java Graph client) keeps as test files in <c>src/test/resources/json/webhooks/</c>, ids
/// moved to this test's page, customers and clock (each kept as restfb writes it: numbers where it has numbers), posted
/// signed to the real /webhook: each delivery is processed at the first attempt without an error, what the customer said is
/// kept once however often the body comes, and events LeadOps does not act on start nothing.
/// </summary>
public sealed class RestfbWebhookFixturesTests(DatabaseKind database) : InboxFixture(database)
{
    private const string Page = SandboxSeed.MainPageId;

    private static string Shown(JsonElement m) =>
        $"{m.GetProperty("direction").GetString()}|{m.GetProperty("text").GetString()}|" + string.Join(",", m.GetProperty("attachments").EnumerateArray()
            .Select(a => $"{a.GetProperty("type").GetString()}:{a.GetProperty("title").GetString()}:{(a.GetProperty("type").GetString() == "fallback" ? a.GetProperty("url").GetString() : null)}"));

    /// <summary>
    /// The customer's messages of restfb's files, one entry each, the page and customer as JSON numbers where restfb writes
    /// them so:
    /// <list type="bullet">
    /// <item><c>messaging-message-fallback-attachment.json</c>: a fallback whose <c>payload</c> is a string (<c>"BLOB_BLOB_BLOB"</c>),
    /// its link in a lower-case <c>url</c> on the attachment (written with <c>\/</c>) and a <c>title</c>;</item>
    /// <item><c>messaging-message-nlp-url-2.json</c>: text with a fallback whose <c>payload</c> is <c>null</c> and whose link is
    /// Facebook's redirect (<c>l.facebook.com/l.php?u=https\u00253A…</c>), and the built-in NLP's <c>nlp.entities</c> beside it;</item>
    /// <item><c>messaging-message-nlp-error.json</c>: a mid of 86 characters without the <c>mid.</c> prefix, <c>seq</c> 177139 and
    /// <c>nlp.errors</c>;</item>
    /// <item><c>messaging-message-sticker-thumbup.json</c>: the like sticker with <c>sticker_id</c> a JSON number on the message
    /// and in the image's payload;</item>
    /// <item><c>messaging-button-template.json</c> and <c>messaging-airline-itinerary-template.json</c>: templates (a button
    /// template with only <c>buttons</c>; an itinerary with no elements, its words in <c>intro_message</c>).</item>
    /// </list>
    /// The body comes twice; each message is kept once, in order. An itinerary showed as "airline_itinerary" (its type);
    /// it shows its <c>intro_message</c> now, also as the sandbox writes it (<see cref="CustomerAttachment.AirlineItinerary"/>).
    /// </summary>
    [Test]
    public async Task Restfbs_message_files_in_one_delivery_are_kept_once_each()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var at = Clock.GetUtcNow().ToUnixTimeMilliseconds();
        var longMid = "t8Z18hGWisXFy90yYBRHwnOwRWDDf7jJyJdxFrmLryLNJTyS7eBGQOrzuKbVtlDqlYf7WgtMkgshUzwUf" + psid[^5..];
        string Entry(long time, string message) =>
            $$"""{"id":{{Page}},"time":{{time}},"messaging":[{"sender":{"id":{{psid}}},"recipient":{"id":{{Page}}},"timestamp":{{time}},"message":{{message}}}]}""";
        var body = $$"""
            {"object":"page","entry":[
              {{Entry(at, $$$"""{"mid":"mid.1458696618141:b4ef9d19ec21086067{{{psid}}}","seq":51,"attachments":[{"title":"Legacy Attachment","url":"https:\/\/www.messenger.com\/","type":"fallback","payload":"BLOB_BLOB_BLOB"}]}""")}},
              {{Entry(at + 1000, $$$"""
                {"mid":"jHwnzSs3QupEbFatUOpnWy67x9QLy11IvvcmREs{{{psid}}}","seq":4410,"text":"Please go to http:\/\/www.google.com",
                 "attachments":[{"title":"www.google.com","url":"https:\/\/l.facebook.com\/l.php?u=https\u00253A\u00252F\u00252Fwww.google.com\u00252F&h=AT3eI4AnyBUqx71d6J827nix6lUarQc&s=1","type":"fallback","payload":null}],
                 "nlp":{"entities":{"url":[{"confidence":0.966434,"domain":"google.com","value":"http:\/\/www.google.com","_entity":"url","_body":"http:\/\/www.google.com","_start":13,"_end":34}],
                   "sentiment":[{"confidence":0.78805208154684,"value":"neutral","_entity":"sentiment"}],"thanks":[{"confidence":0.00024937264977537,"value":"true","_entity":"thanks"}]} } }
                """)}},
              {{Entry(at + 2000, $$$"""{"mid":"{{{longMid}}}","seq":177139,"text":"For security reasons this isn't the actual text.","nlp":{"errors":[{"code":"msg-invalid","message":"Message is either too short or too long (max is 1024)"}]}}""")}},
              {{Entry(at + 3000, $$$"""{"mid":"mid.1487254148673:a082abc439{{{psid}}}","seq":2203,"sticker_id":369239263222822,"attachments":[{"type":"image","payload":{"url":"https:\/\/scontent.xx.fbcdn.net\/v\/t39.1997-6\/851557_369239266556155_759568595_n.png?_nc_ad=z-m&oh=85e24066ebe64f04d457b242e22e7054&oe=5939B5DC","sticker_id":369239263222822}}]}""")}},
              {{Entry(at + 4000, $$$"""{"mid":"mid.1458668856218:ed81099e15d3f4f233{{{psid}}}","seq":51,"attachments":[{"type":"template","payload":{"template_type":"button","buttons":[{"type":"web_url","url":"BUTTON_URL","title":"Visit Messenger"}]}}]}""")}},
              {{Entry(at + 5000, $$$"""
                {"mid":"mid.1458668856218:ed81099e15d3f4f234{{{psid}}}","seq":51,"attachments":[{"type":"template","payload":{"template_type":"airline_itinerary",
                 "intro_message":"Here's your flight itinerary.","locale":"en_US","pnr_number":"ABCDEF",
                 "passenger_info":[{"name":"Farbound Smith Jr","ticket_number":"0741234567890","passenger_id":"p001"}],
                 "flight_info":[{"connection_id":"c001","segment_id":"s001","flight_number":"KL9123","aircraft_type":"Boeing 737",
                   "departure_airport":{"airport_code":"SFO","city":"San Francisco","terminal":"T4","gate":"G8"},
                   "arrival_airport":{"airport_code":"SLC","city":"Salt Lake City","terminal":"T4","gate":"G8"},
                   "flight_schedule":{"departure_time":"2016-01-02T19:45","arrival_time":"2016-01-02T21:20"},"travel_class":"business"}],
                 "price_info":[{"title":"Fuel surcharge","amount":"1597","currency":"USD"}],"base_price":"12206","tax":"200","total_price":"14003","currency":"USD"}}]}
                """)}}
            ]}
            """;

        await PostSignedWebhookAsync(body);
        await PostSignedWebhookAsync(body);
        await ProcessedAsync(staff);

        // The sandbox writes the itinerary the same way; its words show, not the template's type.
        Clock.Advance(TimeSpan.FromMinutes(1));
        var sandboxMid = Meta.Customers.Writes(Page, psid, new CustomerMessage { Attachments = [CustomerAttachment.AirlineItinerary("Your trip to Lisbon.")] });
        await WaitForMessageAsync(staff, psid, sandboxMid);

        var id = await FindConversationAsync(staff, psid);
        var thread = id is { } found ? await MessagesAsync(staff, found) : [];
        Assert.Multiple(async () =>
        {
            Assert.That(await DeliveriesAsync(staff, longMid), Is.EqualTo(new[] { (Domain.Common.WebhookDeliveryStatus.Processed, 1, (string?)null), (Domain.Common.WebhookDeliveryStatus.Processed, 1, (string?)null) }));
            Assert.That(thread.Select(Shown), Is.EqualTo(new[]
            {
                "inbound||fallback:Legacy Attachment:https://www.messenger.com/",
                "inbound|Please go to http://www.google.com|fallback:www.google.com:https://l.facebook.com/l.php?u=https%3A%2F%2Fwww.google.com%2F&h=AT3eI4AnyBUqx71d6J827nix6lUarQc&s=1",
                "inbound|For security reasons this isn't the actual text.|",
                "inbound||sticker::",
                "inbound||template:button:",
                "inbound||template:Here's your flight itinerary.:",
                "inbound||template:Your trip to Lisbon.:",
            }), string.Join(" | ", thread.Select(m => m.GetRawText())));
            Assert.That(thread.Select(m => m.GetProperty("mid").GetString()), Does.Contain(longMid), "the long mid is kept whole");
        });
    }

    /// <summary>
    /// restfb's files of events LeadOps does not act on, each from a customer of its own, in one delivery with one message:
    /// <c>messaging-checkoutupdate-shipping.json</c> (<c>checkout_update</c> with a shipping address whose <c>id</c> is a
    /// 17-digit number), <c>messaging-payment.json</c> (<c>payment</c>, the amount 29.62 a JSON number),
    /// <c>messaging-postback-chat.json</c> (a tap from the chat plugin whose <c>sender</c> is a <c>user_ref</c> written as a
    /// number, its referral's <c>ref</c> <c>null</c> and its <c>title</c> empty), <c>messaging-approles.json</c>
    /// (<c>app_roles</c> with a <c>sender</c>), <c>messaging-optin-userref.json</c> (an opt-in carrying <c>ref</c> and
    /// <c>user_ref</c>, its <c>timestamp</c> in seconds and the entry's <c>time</c> 12341), <c>messaging-accountlinking-unlinked.json</c>
    /// (no <c>timestamp</c>) and <c>messaging-policy-callback-unblock.json</c> (the hyphenated key, an <c>unblock</c> with a
    /// <c>reason</c>). Beside them, bodies of other objects restfb keeps: <c>permission-granted.wh-1.json</c>
    /// (<c>"object":"permissions"</c>, a change with <c>verb</c> and no <c>value</c>), <c>user-email.json</c> (<c>"object":"user"</c>,
    /// a change whose <c>value</c> is a string) and <c>unknown-change-value.json</c> (a page change of field <c>foo</c>).
    /// Nothing fails; the message is kept; the opt-in, from a customer with a PSID, is that customer's conversation (as any
    /// opt-in is); none of the others starts one.
    /// </summary>
    [Test]
    public async Task Restfbs_files_of_other_events_and_objects_start_nothing_and_cost_nothing()
    {
        var staff = await NewStaffAsync();
        var (writer, payer, shopper, chat, roles, optin, unlinked) = (NewPsid(), NewPsid(), NewPsid(), NewPsid(), NewPsid(), NewPsid(), NewPsid());
        var at = Clock.GetUtcNow().ToUnixTimeMilliseconds();
        var mid = $"mid.1457744567618:41d102a3e1ae206a38{writer}";
        string Item(string sender, string rest) => $$"""{"sender":{{sender}},"recipient":{"id":{{Page}}},{{rest}}}""";
        var body = $$"""
            {"object":"page","entry":[{"id":"{{Page}}","time":{{at}},"messaging":[
              {"recipient":{"id":"{{Page}}"},"timestamp":{{at}},"sender":{"id":"{{shopper}}"},"checkout_update":{"payload":"DEVELOPER_DEFINED_PAYLOAD",
                "shipping_address":{"id":10105655000959552,"country":"US","city":"MENLO PARK","street1":"1 Hacker Way","street2":"","state":"CA","postal_code":"94025"} } },
              {"recipient":{"id":"{{Page}}"},"timestamp":{{at + 1}},"sender":{"id":"{{payer}}"},"payment":{"payload":"DEVELOPER_DEFINED_PAYLOAD",
                "requested_user_info":{"shipping_address":{"street1":"1 Hacker Way","street2":"","city":"MENLO PARK","state":"CA","country":"US","postal_code":"94025"},
                  "contact_name":"Peter Chang","contact_email":"peter@anemailprovider.com","contact_phone":"+15105551234"},
                "payment_credential":{"provider_type":"stripe","charge_id":"ch_18tmdBEoNIH3FPJHa60ep123"},"amount":{"currency":"USD","amount":29.62} } },
              {{Item($$"""{"user_ref":{{chat}}}""", $$"""
                "timestamp":{{at + 2}},"postback":{"payload":"hey","referral":{"ref":null,"source":"CUSTOMER_CHAT_PLUGIN","type":"OPEN_THREAD","referer_uri":"https:\/\/www.xyz.com\/abcd","is_guest_user":false},"title":""}
                """)}},
              {{Item($$"""{"id":{{roles}}}""", $$""" "timestamp":{{at + 3}},"app_roles":{"123456789":["primary_receiver"]} """)}},
              {{Item($$"""{"id":{{unlinked}}}""", """ "account_linking":{"status":"unlinked"} """)}},
              {"recipient":{"id":"{{Page}}"},"timestamp":{{at + 4}},"policy-enforcement":{"action":"unblock","reason":"The bot violated our Platform Policies (https://developers.facebook.com/policy/#messengerplatform). Common violations include sending out excessive spammy messages or being non-functional."} },
              {{Item($$"""{"id":{{writer}}}""", $$""" "timestamp":{{at + 5}},"message":{"mid":"{{mid}}","text":"Thanks for messaging me!"} """)}}
            ]},
            {"id":{{Page}},"time":12341,"messaging":[{{Item($$"""{"id":{{optin}}}""", """ "timestamp":1234567890,"optin":{"ref":"PASS_THROUGH_PARAM","user_ref":"UNIQUE_REF_PARAM"} """)}}]},
            {"id":"{{Page}}","time":{{at / 1000}},"changes":[{"field":"foo","value":{"item":"bar","verb":"remove","post_id":"100002241334695_904801129604590",
              "parent_id":"100002241334695_904801129604590","sender_id":705955836155788,"created_time":1451775296,"sender_name":"Tester"} }]}
            ]}
            """;
        var permissions = $$"""{"object":"permissions","entry":[{"id":"0","uid":"0","time":{{at / 1000}},"changes":[{"field":"connected","verb":"granted"}]}]}""";
        var user = $$"""{"entry":[{"time":{{at / 1000}},"changes":[{"field":"email","value":"example_email_{{writer}}@facebook.com"}],"id":"0","uid":"0"}],"object":"user"}""";

        await PostSignedWebhookAsync(permissions);
        await PostSignedWebhookAsync(user);
        await PostSignedWebhookAsync(body);
        await ProcessedAsync(staff);

        var id = await FindConversationAsync(staff, writer);
        var thread = id is { } found ? await MessagesAsync(staff, found) : [];
        var others = new List<Guid?>();
        foreach (var other in new[] { payer, shopper, chat, roles, unlinked })
        {
            others.Add(await FindConversationAsync(staff, other));
        }

        Assert.Multiple(async () =>
        {
            Assert.That(await DeliveriesAsync(staff, mid), Is.EqualTo(new[] { (Domain.Common.WebhookDeliveryStatus.Processed, 1, (string?)null) }));
            Assert.That(await DeliveriesAsync(staff, $"example_email_{writer}"), Is.EqualTo(new[] { (Domain.Common.WebhookDeliveryStatus.Processed, 1, (string?)null) }));
            Assert.That(thread.Select(Shown), Is.EqualTo(new[] { "inbound|Thanks for messaging me!|" }));
            Assert.That(others, Is.All.Null, "checkout, payment, a chat-plugin guest, app roles and an unlinked account start nothing");
            Assert.That(await FindConversationAsync(staff, optin), Is.Not.Null, "an opt-in is kept on its customer's conversation");
        });
    }
}
