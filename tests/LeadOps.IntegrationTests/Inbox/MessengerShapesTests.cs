using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using LeadOps.GraphSandbox;
using LeadOps.IntegrationTests.Inbox.Support;

namespace LeadOps.IntegrationTests.Inbox;

/// <summary>
/// Messenger events posted as Meta's own reference pages show them (in <c>messaging[]</c>, <c>standby[]</c> and the
/// dashboard's <c>changes[]</c> form; times as numbers of milliseconds or strings of seconds; ids as numbers or
/// strings): what staff then see and can do. Each of these was dropped or blanked before the Inbox knew the event.
/// </summary>
public sealed class MessengerShapesTests(DatabaseKind database) : InboxFixture(database)
{
    private const string PageInboxAppId = "263902037430900";

    [Test]
    public async Task A_postback_in_the_dashboards_form_with_a_seconds_timestamp_opens_the_window_and_escalates()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var postback = new JsonObject { ["mid"] = "m_pb_" + psid, ["title"] = "Talk to a person", ["payload"] = "HUMAN_AGENT" };
        await PostSignedWebhookAsync(MetaEvents.Changes("messaging_postbacks", MetaEvents.FromCustomer(psid, MetaEvents.SecondsText(Clock.GetUtcNow()), "postback", postback)));
        await ProcessedAsync(staff);

        var id = await FindConversationAsync(staff, psid);
        Assert.That(id, Is.Not.Null, "a customer whose only action was a tap has a conversation");
        var detail = await staff.Api.GetFromJsonAsync<JsonElement>($"/api/conversations/{id}");
        var tap = detail.GetProperty("messages").EnumerateArray().Single();
        Assert.Multiple(() =>
        {
            Assert.That(tap.GetProperty("text").GetString(), Is.EqualTo("Tapped: Talk to a person"));
            Assert.That(tap.GetProperty("postback_payload").GetString(), Is.EqualTo("HUMAN_AGENT"));
            Assert.That(detail.GetProperty("conversation").GetProperty("state").GetString(), Is.EqualTo("needs_human"), "HUMAN_AGENT escalates at once");
            Assert.That(detail.GetProperty("can_reply").GetBoolean(), Is.True, "the tap opened the 24-hour window");
            Assert.That(detail.GetProperty("conversation").GetProperty("window").GetProperty("text").GetString(), Is.EqualTo("24 h left"));
        });
    }

    [Test]
    public async Task Two_taps_without_a_mid_in_the_same_second_are_both_kept_and_a_replayed_tap_is_kept_once()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var at = Clock.GetUtcNow();
        string Tap(string title, string payload) => MetaEvents.Changes("messaging_postbacks",
            MetaEvents.FromCustomer(psid, MetaEvents.SecondsText(at), "postback", new JsonObject { ["title"] = title, ["payload"] = payload }));

        await PostSignedWebhookAsync(Tap("Opening hours", "HOURS"));
        await PostSignedWebhookAsync(Tap("Prices", "PRICES"));
        await PostSignedWebhookAsync(Tap("Prices", "PRICES"));
        await ProcessedAsync(staff);

        var id = await FindConversationAsync(staff, psid);
        var detail = await staff.Api.GetFromJsonAsync<JsonElement>($"/api/conversations/{id}");
        var taps = detail.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("postback_payload").GetString()).Order(StringComparer.Ordinal);
        Assert.That(taps, Is.EqualTo(new[] { "HOURS", "PRICES" }), "both buttons, the replayed one once");
    }

    [Test]
    public async Task A_message_with_text_and_an_image_keeps_both_and_a_location_keeps_its_coordinates()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var imageUrl = new Uri(App.Sandbox.BaseAddress, "cdn/not-there.png").ToString();
        var message = new JsonObject
        {
            ["mid"] = "m_img_" + psid,
            ["text"] = "Is this the one?",
            ["attachments"] = new JsonArray(new JsonObject { ["type"] = "image", ["payload"] = new JsonObject { ["url"] = imageUrl } }),
        };
        var location = new JsonObject
        {
            ["mid"] = "m_loc_" + psid,
            ["attachments"] = new JsonArray(new JsonObject
            {
                ["type"] = "location",
                ["title"] = "Pinned location",
                ["payload"] = new JsonObject { ["coordinates"] = new JsonObject { ["lat"] = 38.7223, ["long"] = -9.1393 } },
            }),
        };
        await PostSignedWebhookAsync(MetaEvents.Messaging(MetaEvents.FromCustomer(psid, MetaEvents.Millis(Clock.GetUtcNow()), "message", message)));
        var id = await WaitForMessageAsync(staff, psid, "m_img_" + psid);
        await PostSignedWebhookAsync(MetaEvents.Messaging(MetaEvents.FromCustomer(psid, MetaEvents.Millis(Clock.GetUtcNow()), "message", location)));
        await WaitForMessageAsync(staff, psid, "m_loc_" + psid);

        var thread = await MessagesAsync(staff, id);
        var image = thread[0].GetProperty("attachments")[0];
        var place = thread[1].GetProperty("attachments")[0];
        Assert.Multiple(() =>
        {
            Assert.That(thread[0].GetProperty("text").GetString(), Is.EqualTo("Is this the one?"));
            Assert.That((image.GetProperty("type").GetString(), image.GetProperty("url").GetString()), Is.EqualTo(("image", imageUrl)));
            Assert.That(place.GetProperty("type").GetString(), Is.EqualTo("location"));
            Assert.That((place.GetProperty("latitude").GetDouble(), place.GetProperty("longitude").GetDouble()), Is.EqualTo((38.7223, -9.1393)));
            Assert.That(place.GetProperty("map_url").GetString(), Does.StartWith("https://www.openstreetmap.org/?mlat=38.7223&mlon=-9.1393"));
        });
    }

    [Test]
    public async Task An_edit_shows_the_new_text_marked_edited_and_keeps_the_old_one()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var mid = Meta.CustomerSendsMessage(SandboxSeed.MainPageId, psid, "See you at 10");
        var id = await WaitForMessageAsync(staff, psid, mid);

        var edit = new JsonObject { ["mid"] = mid, ["text"] = "See you at 11", ["num_edit"] = "1" };
        await PostSignedWebhookAsync(MetaEvents.Changes("message_edits", MetaEvents.FromCustomer(psid, MetaEvents.MillisText(Clock.GetUtcNow()), "message_edit", edit)));
        await ProcessedAsync(staff);

        var message = (await MessagesAsync(staff, id)).Single();
        Assert.Multiple(() =>
        {
            Assert.That(message.GetProperty("text").GetString(), Is.EqualTo("See you at 11"));
            Assert.That(message.GetProperty("edited").GetBoolean(), Is.True);
            Assert.That(message.GetProperty("original_text").GetString(), Is.EqualTo("See you at 10"));
        });
    }

    [Test]
    public async Task A_reaction_in_standby_shows_on_the_message_it_reacts_to_and_an_unreact_takes_it_back()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var id = await CustomerWritesAsync(staff, psid, "Thanks for the quote");
        var reply = await (await staff.Api.PostAsJsonAsync($"/api/conversations/{id}/messages", new { text = "You're welcome!" })).Content.ReadFromJsonAsync<JsonElement>();
        var replyMid = SentTo(psid).Single().MessageId;
        Assert.That(reply.GetProperty("success").GetBoolean(), Is.True);

        var react = new JsonObject { ["reaction"] = "love", ["emoji"] = "\u2764\uFE0F", ["action"] = "react", ["mid"] = replyMid };
        await PostSignedWebhookAsync(MetaEvents.Standby(MetaEvents.FromCustomer(psid, MetaEvents.Millis(Clock.GetUtcNow()), "reaction", react)));
        await ProcessedAsync(staff);
        var reacted = (await MessagesAsync(staff, id)).Single(m => m.GetProperty("sender").GetString() == "staff");
        Assert.That(reacted.GetProperty("reaction").GetProperty("emoji").GetString(), Is.EqualTo("\u2764\uFE0F"));

        Clock.Advance(TimeSpan.FromSeconds(30));
        var unreact = new JsonObject { ["action"] = "unreact", ["mid"] = replyMid };
        await PostSignedWebhookAsync(MetaEvents.Messaging(MetaEvents.FromCustomer(psid, MetaEvents.Millis(Clock.GetUtcNow()), "reaction", unreact)));
        await ProcessedAsync(staff);
        var taken = (await MessagesAsync(staff, id)).Single(m => m.GetProperty("sender").GetString() == "staff");
        Assert.That(taken.GetProperty("reaction").ValueKind, Is.EqualTo(JsonValueKind.Null));
    }

    [Test]
    public async Task A_quoted_reply_shows_the_message_it_quotes()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var first = Meta.CustomerSendsMessage(SandboxSeed.MainPageId, psid, "Do you have it in red?");
        var id = await WaitForMessageAsync(staff, psid, first);
        var quoting = new JsonObject { ["mid"] = "m_quote_" + psid, ["text"] = "And in blue?", ["reply_to"] = new JsonObject { ["mid"] = first } };
        await PostSignedWebhookAsync(MetaEvents.Messaging(MetaEvents.FromCustomer(psid, MetaEvents.Millis(Clock.GetUtcNow()), "message", quoting)));
        await WaitForMessageAsync(staff, psid, "m_quote_" + psid);

        var reply = (await MessagesAsync(staff, id))[^1];
        Assert.That(reply.GetProperty("reply_to").GetProperty("text").GetString(), Is.EqualTo("Do you have it in red?"));
    }

    [Test]
    public async Task The_ad_that_brought_the_customer_is_shown_with_the_lead_from_the_same_ad()
    {
        var staff = await NewStaffAsync();
        var leadId = Meta.SubmitLeads(SandboxSeed.MainTestRideFormId, 1).Single();
        await ProcessedAsync(staff);
        var leads = await staff.Api.GetFromJsonAsync<JsonElement>("/api/leads");
        var lead = leads.GetProperty("leads").EnumerateArray().Single(l => l.GetProperty("facebook_lead_id").GetString() == leadId);
        var adId = (await staff.Api.GetFromJsonAsync<JsonElement>($"/api/leads/{lead.GetProperty("id").GetInt64()}")).GetProperty("ad_id").GetString()!;

        var psid = NewPsid();
        var referral = new JsonObject
        {
            ["ref"] = "spring_promo", ["ad_id"] = adId, ["source"] = "ADS", ["type"] = "OPEN_THREAD",
            ["ads_context_data"] = new JsonObject { ["ad_title"] = "Spring test rides", ["post_id"] = "1234567890_987" },
        };
        var message = new JsonObject { ["mid"] = "m_ad_" + psid, ["text"] = "Hi! I saw your ad", ["referral"] = referral };
        await PostSignedWebhookAsync(MetaEvents.Messaging(MetaEvents.FromCustomer(psid, MetaEvents.Millis(Clock.GetUtcNow()), "message", message)));
        var id = await WaitForMessageAsync(staff, psid, "m_ad_" + psid);

        var detail = await staff.Api.GetFromJsonAsync<JsonElement>($"/api/conversations/{id}");
        var shown = detail.GetProperty("conversation").GetProperty("referral");
        Assert.Multiple(() =>
        {
            Assert.That((shown.GetProperty("ad_id").GetString(), shown.GetProperty("ref").GetString(), shown.GetProperty("source").GetString()), Is.EqualTo((adId, "spring_promo", "ADS")));
            Assert.That(shown.GetProperty("ad_title").GetString(), Is.EqualTo("Spring test rides"));
            Assert.That(detail.GetProperty("lead").GetProperty("id").GetInt64(), Is.EqualTo(lead.GetProperty("id").GetInt64()));
        });
    }

    [TestCase("number")]
    [TestCase("string")]
    [TestCase("absent")]
    public async Task A_reply_from_the_page_inbox_moves_a_waiting_conversation_to_human_active(string appIdForm)
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var id = await CustomerWritesAsync(staff, psid, "Can a person help me?");
        await staff.Api.PostAsJsonAsync("/api/conversations/escalate", new { page_id = SandboxSeed.MainPageId, psid });
        JsonNode? appId = appIdForm switch
        {
            "number" => long.Parse(PageInboxAppId, System.Globalization.CultureInfo.InvariantCulture),
            "string" => PageInboxAppId,
            _ => null,
        };

        await PostSignedWebhookAsync(MetaEvents.Messaging(MetaEvents.Echo(psid, MetaEvents.Millis(Clock.GetUtcNow()), "m_mbs_" + psid, "Hi, Marta here.", appId)));
        await WaitForMessageAsync(staff, psid, "m_mbs_" + psid);
        await PostSignedWebhookAsync(MetaEvents.Messaging(MetaEvents.Echo(psid, MetaEvents.Millis(Clock.GetUtcNow()), "m_mbs2_" + psid, "Let me check.", appId?.DeepClone())));
        await WaitForMessageAsync(staff, psid, "m_mbs2_" + psid);

        var conversation = await ConversationAsync(staff, id);
        var echo = (await MessagesAsync(staff, id))[^2];
        var audit = await ThreadControlAuditAsync(staff, id);
        Assert.Multiple(() =>
        {
            Assert.That(audit, Is.EqualTo(new[] { ("ok", (string?)"answered in Meta Business Suite: a person there has the conversation (Human active)") }),
                "the move to Human active is on the audit trail, once: the second answer changed nothing");
            Assert.That(conversation.GetProperty("state").GetString(), Is.EqualTo("human_active"));
            Assert.That(conversation.GetProperty("assigned_to").GetProperty("name").GetString(), Is.EqualTo("Meta Business Suite"));
            Assert.That(conversation.GetProperty("waiting_since").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That((echo.GetProperty("sender").GetString(), echo.GetProperty("sender_name").GetString()), Is.EqualTo(("page_inbox", "Answered in Meta Business Suite")));
        });
    }

    [Test]
    public async Task Handover_events_are_recorded_in_the_thread_and_the_header()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var id = await CustomerWritesAsync(staff, psid, "Hello");
        var pass = new JsonObject { ["previous_owner_app_id"] = App.Graph.Options.AppId, ["new_owner_app_id"] = PageInboxAppId, ["metadata"] = "needs a person" };
        await PostSignedWebhookAsync(MetaEvents.Messaging(MetaEvents.FromCustomer(psid, MetaEvents.Millis(Clock.GetUtcNow()), "pass_thread_control", pass)));
        await ProcessedAsync(staff);

        var detail = await staff.Api.GetFromJsonAsync<JsonElement>($"/api/conversations/{id}");
        var note = detail.GetProperty("messages").EnumerateArray().Last();
        Assert.Multiple(() =>
        {
            Assert.That(note.GetProperty("kind").GetString(), Is.EqualTo("handover"));
            Assert.That(note.GetProperty("text").GetString(), Is.EqualTo("Thread control passed from LeadOps to Meta Business Suite (needs a person)"));
            Assert.That(detail.GetProperty("conversation").GetProperty("thread_owner").GetProperty("name").GetString(), Is.EqualTo("Meta Business Suite"));
        });
    }

    [Test]
    public async Task A_policy_block_refuses_sends_with_metas_reason_until_meta_lifts_it()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var id = await CustomerWritesAsync(staff, psid, "Hello?");
        const string Reason = "The bot violated our Platform Policies. Common violations include sending out excessive spammy messages.";
        var block = new JsonObject
        {
            ["recipient"] = new JsonObject { ["id"] = SandboxSeed.MainPageId },
            ["timestamp"] = MetaEvents.Millis(Clock.GetUtcNow()),
            ["policy_enforcement"] = new JsonObject { ["action"] = "block", ["reason"] = Reason },
        };
        await PostSignedWebhookAsync(MetaEvents.Messaging(block));
        await ProcessedAsync(staff);

        var integration = (await staff.Api.GetFromJsonAsync<JsonElement>("/api/integrations")).GetProperty("integrations").EnumerateArray().Single();
        var reply = await (await staff.Api.PostAsJsonAsync($"/api/conversations/{id}/messages", new { text = "Sorry!" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Multiple(() =>
        {
            Assert.That(integration.GetProperty("status").GetString(), Is.EqualTo("messaging_blocked"));
            Assert.That(integration.GetProperty("status_text").GetString(), Does.Contain(Reason));
            Assert.That(reply.GetProperty("success").GetBoolean(), Is.False);
            Assert.That(reply.GetProperty("error_code").GetString(), Is.EqualTo("page_blocked"));
            Assert.That(reply.GetProperty("error").GetString(), Does.Contain(Reason));
            Assert.That(SentTo(psid), Is.Empty, "Meta is not called for a blocked page");
        });

        Clock.Advance(TimeSpan.FromMinutes(5));
        block["timestamp"] = MetaEvents.Millis(Clock.GetUtcNow());
        block["policy_enforcement"] = new JsonObject { ["action"] = "unblock" };
        await PostSignedWebhookAsync(MetaEvents.Messaging(block));
        await ProcessedAsync(staff);
        var again = await (await staff.Api.PostAsJsonAsync($"/api/conversations/{id}/messages", new { text = "Back again." })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(again.GetProperty("success").GetBoolean(), Is.True, again.GetRawText());
    }

    [Test]
    public async Task A_read_receipt_with_a_string_watermark_marks_messages_read()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var id = await CustomerWritesAsync(staff, psid, "Hi");
        await staff.Api.PostAsJsonAsync($"/api/conversations/{id}/messages", new { text = "Hello! How can we help?" });
        await staff.Probe.WaitUntilAsync("delivered", async () => (await MessagesAsync(staff, id)).Any(m => m.GetProperty("status").GetString() == "delivered"));

        Clock.Advance(TimeSpan.FromSeconds(5));
        var read = MetaEvents.FromCustomer(psid, MetaEvents.Millis(Clock.GetUtcNow()), "read", new JsonObject { ["watermark"] = MetaEvents.MillisText(Clock.GetUtcNow()) });
        await PostSignedWebhookAsync(MetaEvents.Messaging(read));
        await ProcessedAsync(staff);

        var reply = (await MessagesAsync(staff, id)).Single(m => m.GetProperty("sender").GetString() == "staff");
        Assert.That(reply.GetProperty("status").GetString(), Is.EqualTo("read"));
    }

    [Test]
    public async Task Customers_show_by_the_name_of_their_messenger_profile()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var id = await CustomerWritesAsync(staff, psid, "Hello there");

        var conversation = await ConversationAsync(staff, id);
        var name = Meta.GetSummary().Pages.Single(p => p.Id == SandboxSeed.MainPageId).Customers.Single(c => c.Psid == psid).Name;
        Assert.That(conversation.GetProperty("customer").GetString(), Is.EqualTo(name));
        Assert.That(name, Does.Not.StartWith("Customer"));
    }
}
