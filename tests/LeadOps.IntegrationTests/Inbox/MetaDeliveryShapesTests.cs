using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using LeadOps.Domain.Common;
using Microsoft.EntityFrameworkCore;
using LeadOps.GraphSandbox;
using LeadOps.IntegrationTests.Inbox.Support;

namespace LeadOps.IntegrationTests.Inbox;

/// <summary>
/// One delivery as Meta may batch it: many Messenger events of every documented field and form (in <c>messaging[]</c>,
/// <c>standby[]</c> and <c>changes[]</c>, times as numbers or strings), events LeadOps cannot act on, and a leadgen change
/// with its ids as numbers. It is processed whole at the first attempt: every event kept, nothing failed, the lead stored.
/// </summary>
public sealed class MetaDeliveryShapesTests(DatabaseKind database) : InboxFixture(database)
{
    private const string Page = SandboxSeed.MainPageId;

    [Test]
    public async Task A_delivery_holding_every_kind_of_event_is_processed_whole_at_the_first_attempt()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var now = Clock.GetUtcNow();
        Meta.SetWebhookDropRate(1);
        var leadId = Meta.SubmitLeads(SandboxSeed.MainServiceFormId, 1).Single();
        Meta.SetWebhookDropRate(0);

        JsonObject From(string name, JsonNode body, JsonNode? timestamp = null) => MetaEvents.FromCustomer(psid, timestamp ?? MetaEvents.Millis(now), name, body);
        var cdn = new Uri(App.Sandbox.BaseAddress, "cdn/not-there.png").ToString();
        var first = new JsonObject
        {
            ["mid"] = "m_a_" + psid,
            ["text"] = "Hi",
            ["quick_reply"] = new JsonObject { ["payload"] = "HELLO" },
            ["attachments"] = new JsonArray(
                new JsonObject { ["type"] = "image", ["payload"] = new JsonObject { ["url"] = cdn } },
                new JsonObject { ["type"] = "image", ["payload"] = new JsonObject { ["url"] = cdn, ["sticker_id"] = 369239263222822 } },
                new JsonObject { ["type"] = "fallback", ["payload"] = null, ["title"] = "A link", ["URL"] = "https://example.com/x" },
                new JsonObject { ["type"] = "template", ["payload"] = new JsonObject { ["template_type"] = "generic", ["elements"] = new JsonArray(new JsonObject { ["title"] = "x" }) } }),
        };
        var messaging = new JsonArray(
            From("message", first),
            From("message", new JsonObject { ["mid"] = "m_b_" + psid, ["text"] = "/flights", ["commands"] = new JsonArray(new JsonObject { ["name"] = "flights" }), ["reply_to"] = new JsonObject { ["mid"] = "m_a_" + psid } }, MetaEvents.MillisText(now.AddSeconds(1))),
            From("message_edit", new JsonObject { ["mid"] = "m_a_" + psid, ["text"] = "Hi there", ["num_edit"] = "1" }, MetaEvents.Millis(now.AddSeconds(2))),
            From("postback", new JsonObject { ["title"] = "Get Started", ["payload"] = "GET_STARTED" }, MetaEvents.SecondsText(now.AddSeconds(3))),
            From("referral", new JsonObject { ["ref"] = "spring", ["source"] = "SHORTLINK", ["type"] = "OPEN_THREAD" }, MetaEvents.Millis(now.AddSeconds(4))),
            From("optin", new JsonObject { ["type"] = "one_time_notif_req", ["payload"] = "RESTOCK", ["one_time_notif_token"] = "otn-" + psid }, MetaEvents.Millis(now.AddSeconds(5))),
            From("delivery", new JsonObject { ["mids"] = new JsonArray("m_unknown_" + psid), ["watermark"] = MetaEvents.MillisText(now) }),
            From("read", new JsonObject { ["watermark"] = MetaEvents.MillisText(now) }),
            From("game_play", new JsonObject { ["game_id"] = "1" }),
            new JsonObject { ["recipient"] = new JsonObject { ["id"] = Page }, ["timestamp"] = MetaEvents.Millis(now), ["app_roles"] = new JsonObject { ["123456789"] = new JsonArray("primary_receiver") } },
            new JsonObject { ["sender"] = new JsonObject { ["user_ref"] = "ref-" + psid }, ["recipient"] = new JsonObject { ["id"] = Page }, ["timestamp"] = MetaEvents.Millis(now), ["message"] = new JsonObject { ["mid"] = "m_ref_" + psid, ["text"] = "Hi" } });
        var standby = new JsonArray(From("message", new JsonObject { ["mid"] = "m_c_" + psid, ["text"] = "From standby" }, MetaEvents.Millis(now.AddSeconds(6))));
        var changes = new JsonArray(
            new JsonObject { ["field"] = "messaging_postbacks", ["value"] = From("postback", new JsonObject { ["mid"] = "m_d_" + psid, ["title"] = "Talk later", ["payload"] = "LATER" }, MetaEvents.Millis(now.AddSeconds(7))) },
            new JsonObject { ["field"] = "feed", ["value"] = new JsonObject { ["item"] = "status" } },
            new JsonObject
            {
                ["field"] = "leadgen",
                ["value"] = new JsonObject
                {
                    ["leadgen_id"] = long.Parse(leadId, System.Globalization.CultureInfo.InvariantCulture), ["page_id"] = long.Parse(Page, System.Globalization.CultureInfo.InvariantCulture),
                    ["form_id"] = long.Parse(SandboxSeed.MainServiceFormId, System.Globalization.CultureInfo.InvariantCulture), ["created_time"] = now.ToUnixTimeSeconds(),
                },
            });
        var body = new JsonObject
        {
            ["object"] = "page",
            ["entry"] = new JsonArray(
                new JsonObject { ["id"] = Page, ["time"] = MetaEvents.Millis(now), ["messaging"] = messaging },
                new JsonObject { ["id"] = Page, ["time"] = MetaEvents.Millis(now), ["standby"] = standby, ["changes"] = changes }),
        }.ToJsonString();

        await PostSignedWebhookAsync(body);
        var id = await WaitForMessageAsync(staff, psid, "m_d_" + psid);
        await ProcessedAsync(staff);

        await using (var scope = App.ScopeFor(staff.User.Id))
        {
            var delivery = await App.Db(scope).WebhookDeliveries.AsNoTracking().SingleAsync(d => d.Body.Contains("m_a_" + psid));
            Assert.That((delivery.Status, delivery.Attempts, delivery.LastError), Is.EqualTo((LeadOps.Domain.Common.WebhookDeliveryStatus.Processed, 1, (string?)null)));
            var token = await App.Db(scope).Conversations.Where(c => c.Id == id).Select(c => c.OptinProtectedToken).SingleAsync();
            Assert.That(token, Is.Not.Null.And.Not.Contain("otn-" + psid), "the one-time notification token is kept, encrypted");
        }

        var messages = await MessagesAsync(staff, id);
        var byMid = messages.Where(m => m.GetProperty("mid").ValueKind == JsonValueKind.String).ToDictionary(m => m.GetProperty("mid").GetString()!);
        var detail = await DetailAsync(staff, id);
        var leads = await staff.Api.GetFromJsonAsync<JsonElement>($"/api/leads?form_id={SandboxSeed.MainServiceFormId}");
        Assert.Multiple(() =>
        {
            Assert.That(byMid.Keys, Is.SupersetOf(new[] { "m_a_" + psid, "m_b_" + psid, "m_c_" + psid, "m_d_" + psid }));
            Assert.That(byMid.Keys, Has.None.Contains("m_ref_"), "a customer known only by user_ref cannot be answered and is skipped");
            Assert.That(byMid["m_a_" + psid].GetProperty("text").GetString(), Is.EqualTo("Hi there"));
            Assert.That(byMid["m_a_" + psid].GetProperty("attachments").EnumerateArray().Select(a => a.GetProperty("type").GetString()), Is.EqualTo(new[] { "image", "sticker", "fallback", "template" }));
            Assert.That(messages.Count(m => m.GetProperty("text").GetString() == "Tapped: Get Started"), Is.EqualTo(1), "a postback without a mid is kept once");
            Assert.That(detail.GetProperty("conversation").GetProperty("optin").GetProperty("type").GetString(), Is.EqualTo("one_time_notif_req"));
            Assert.That(detail.GetProperty("conversation").GetProperty("referral").GetProperty("ref").GetString(), Is.EqualTo("spring"));
            Assert.That(leads.GetProperty("leads").EnumerateArray().Count(l => l.GetProperty("facebook_lead_id").GetString() == leadId), Is.EqualTo(1), "the lead in the same delivery is stored once");
        });
    }

    [Test]
    public async Task Customers_whose_first_event_is_not_a_message_are_handled_at_the_first_attempt()
    {
        var staff = await NewStaffAsync();
        var now = Clock.GetUtcNow();
        var (byEcho, byTake, byOptin, byReaction, byRead) = (NewPsid(), NewPsid(), NewPsid(), NewPsid(), NewPsid());
        var echo = MetaEvents.Echo(byEcho, MetaEvents.Millis(now), "m_echo_" + byEcho, string.Empty, null);
        echo["message"]!.AsObject().Remove("text");
        echo["message"]!["attachments"] = new JsonArray(new JsonObject { ["type"] = "file", ["payload"] = new JsonObject { ["url"] = new Uri(App.Sandbox.BaseAddress, "cdn/not-there.pdf").ToString() } });
        var messaging = new JsonArray(
            echo,
            MetaEvents.FromCustomer(byOptin, MetaEvents.MillisText(now), "optin", new JsonObject { ["type"] = "notification_messages", ["notification_messages_status"] = "STOP_NOTIFICATIONS", ["payload"] = "DEALS" }),
            MetaEvents.FromCustomer(byReaction, MetaEvents.Millis(now), "reaction", new JsonObject { ["reaction"] = "like", ["emoji"] = "\ud83d\udc4d", ["action"] = "react", ["mid"] = "m_unknown_" + byReaction }),
            MetaEvents.FromCustomer(byRead, MetaEvents.Millis(now), "read", new JsonObject { ["watermark"] = MetaEvents.Millis(now) }));
        var standby = new JsonArray(
            MetaEvents.FromCustomer(byTake, MetaEvents.Millis(now), "take_thread_control", new JsonObject { ["previous_owner_app_id"] = "123456789", ["new_owner_app_id"] = "263902037430900", ["metadata"] = "agent took over" }));
        var body = new JsonObject
        {
            ["object"] = "page",
            ["entry"] = new JsonArray(new JsonObject { ["id"] = Page, ["time"] = MetaEvents.Millis(now), ["messaging"] = messaging, ["standby"] = standby }),
        }.ToJsonString();

        await PostSignedWebhookAsync(body);
        await WaitForMessageAsync(staff, byEcho, "m_echo_" + byEcho);
        await ProcessedAsync(staff);

        await using (var scope = App.ScopeFor(staff.User.Id))
        {
            var delivery = await App.Db(scope).WebhookDeliveries.AsNoTracking().SingleAsync(d => d.Body.Contains("m_echo_" + byEcho));
            Assert.That((delivery.Status, delivery.Attempts, delivery.LastError), Is.EqualTo((LeadOps.Domain.Common.WebhookDeliveryStatus.Processed, 1, (string?)null)));
        }

        var (take, optin, reaction, read) = (await FindConversationAsync(staff, byTake), await FindConversationAsync(staff, byOptin),
            await FindConversationAsync(staff, byReaction), await FindConversationAsync(staff, byRead));
        Assert.Multiple(() =>
        {
            Assert.That(take, Is.Not.Null, "a handover starts the conversation");
            Assert.That(optin, Is.Not.Null, "an opt-in starts the conversation");
            Assert.That(reaction, Is.Null, "a reaction to a message LeadOps does not have is ignored");
            Assert.That(read, Is.Null, "a receipt alone starts nothing");
        });
    }

    /// <summary>
    /// JSON lets a string hold half of a surrogate pair (RFC 8259 §8.2: <c>"\uDEAD"</c>, "a single unpaired UTF-16
    /// surrogate"), as a text cut in the middle of an emoji would be. A message whose text and quick reply hold one is kept
    /// with U+FFFD in its place, and the next message of the same delivery is kept too, at the first attempt.
    /// </summary>
    [Test]
    public async Task Half_an_emoji_in_a_message_costs_neither_the_message_nor_the_rest_of_the_delivery()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var at = Clock.GetUtcNow().ToUnixTimeMilliseconds();
        var body = $$"""
            {"object":"page","entry":[{"id":"{{Page}}","time":{{at}},"messaging":[
              {"sender":{"id":"{{psid}}"},"recipient":{"id":"{{Page}}"},"timestamp":{{at}},"message":{"mid":"m_half_{{psid}}","text":"Great \ud83d","quick_reply":{"payload":"\ude00"} } },
              {"sender":{"id":"{{psid}}"},"recipient":{"id":"{{Page}}"},"timestamp":{{at + 1}},"message":{"mid":"m_next_{{psid}}","text":"See you \ud83d\ude00"} }
            ]}]}
            """;

        await PostSignedWebhookAsync(body);
        var id = await WaitForMessageAsync(staff, psid, "m_next_" + psid);
        await ProcessedAsync(staff); // the messages show before the delivery's own outcome is saved

        await using (var scope = App.ScopeFor(staff.User.Id))
        {
            var delivery = await App.Db(scope).WebhookDeliveries.AsNoTracking().SingleAsync(d => d.Body.Contains("m_half_" + psid));
            Assert.That((delivery.Status, delivery.Attempts), Is.EqualTo((LeadOps.Domain.Common.WebhookDeliveryStatus.Processed, 1)));
        }

        var thread = (await MessagesAsync(staff, id)).Select(m => (m.GetProperty("text").GetString(), m.GetProperty("quick_reply_payload").GetString())).ToList();
        Assert.That(thread, Is.EqualTo(new[] { ("Great \ufffd", "\ufffd"), ("See you \ud83d\ude00", (string?)null) }));
    }
}
