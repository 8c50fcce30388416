using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using LeadOps.GraphSandbox;

namespace LeadOps.IntegrationTests.GraphSandbox;

/// <summary>
/// The sandbox's Messenger, as Meta's reference pages show it: each event's webhook body (every envelope, time and app
/// id form), CDN links that expire, attachment uploads, sender actions, thread control, the User Profile API, and the
/// control API that drives them.
/// </summary>
public sealed class GraphSandboxMessengerTests : SandboxFixture
{
    private const string Page = SandboxSeed.MainPageId;
    private const string Psid = SandboxSeed.CustomerWroteOneHourAgoPsid;
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);

    protected override void BeforeSandboxStarts(SandboxOptions options) => options.TimeProvider = _clock;

    [Test]
    public void A_postback_in_the_dashboards_form_is_written_as_metas_reference_shows_it()
    {
        var mid = Graph.Customers.Taps(Page, Psid, "Talk to a person", "HUMAN_AGENT", new SandboxReferral("SHORTLINK", "promo"),
            new MessengerShape { Envelope = MessengerEnvelope.Changes, Time = MessengerTimeForm.SecondsString });

        var body = Body("messaging_postbacks");
        var change = body.GetProperty("entry")[0].GetProperty("changes")[0];
        var value = change.GetProperty("value");
        Assert.Multiple(() =>
        {
            Assert.That(change.GetProperty("field").GetString(), Is.EqualTo("messaging_postbacks"));
            Assert.That(value.GetProperty("sender").GetProperty("id").GetString(), Is.EqualTo(Psid));
            Assert.That(value.GetProperty("timestamp").GetString(), Is.EqualTo(_clock.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(value.GetProperty("postback").GetProperty("mid").GetString(), Is.EqualTo(mid));
            Assert.That(value.GetProperty("postback").GetProperty("payload").GetString(), Is.EqualTo("HUMAN_AGENT"));
            Assert.That(value.GetProperty("postback").GetProperty("referral").GetProperty("ref").GetString(), Is.EqualTo("promo"));
        });
    }

    [TestCase(MessengerIdForm.Number, JsonValueKind.Number)]
    [TestCase(MessengerIdForm.Text, JsonValueKind.String)]
    [TestCase(MessengerIdForm.Absent, JsonValueKind.Undefined)]
    public void A_page_inbox_answer_is_an_echo_with_the_page_inboxs_app_id_in_the_form_asked_for(MessengerIdForm form, JsonValueKind kind)
    {
        Graph.Customers.PageInboxAnswers(Page, Psid, "Hi, this is Marta.", new MessengerShape { AppId = form });

        var message = Body("message_echoes").GetProperty("entry")[0].GetProperty("messaging")[0].GetProperty("message");
        Assert.Multiple(() =>
        {
            Assert.That(message.GetProperty("is_echo").GetBoolean(), Is.True);
            Assert.That(message.TryGetProperty("app_id", out var appId) ? appId.ValueKind : JsonValueKind.Undefined, Is.EqualTo(kind));
            Assert.That(message.GetProperty("text").GetString(), Is.EqualTo("Hi, this is Marta."));
        });
    }

    /// <summary>Content Messenger does not deliver to the API reaches the webhook as its mid and the flag in the form asked for, nothing else.</summary>
    [TestCase(UnsupportedContent.Flagged, JsonValueKind.True)]
    [TestCase(UnsupportedContent.FlaggedAsString, JsonValueKind.String)]
    [TestCase(UnsupportedContent.MidOnly, JsonValueKind.Undefined)]
    public void A_message_messenger_does_not_deliver_is_its_mid_and_the_flag_alone(UnsupportedContent form, JsonValueKind flag)
    {
        var mid = Graph.Customers.Writes(Page, Psid, new CustomerMessage("not delivered") { Unsupported = form });

        var message = Body("messages").GetProperty("entry")[0].GetProperty("messaging")[0].GetProperty("message");
        Assert.Multiple(() =>
        {
            Assert.That(message.GetProperty("mid").GetString(), Is.EqualTo(mid));
            Assert.That(message.TryGetProperty("is_unsupported", out var value) ? value.ValueKind : JsonValueKind.Undefined, Is.EqualTo(flag));
            Assert.That(flag != JsonValueKind.String || value.GetString() == "true", "written as \"true\"");
            Assert.That(message.EnumerateObject().Select(p => p.Name), Is.SubsetOf(new[] { "mid", "is_unsupported" }), "nothing of the content");
        });
    }

    [Test]
    public void Reactions_edits_referrals_optins_handovers_reads_and_policy_come_in_their_reference_shapes()
    {
        var standby = new MessengerShape { Envelope = MessengerEnvelope.Standby, Time = MessengerTimeForm.MillisString };
        Graph.Customers.Reacts(Page, Psid, "m_1", "❤️", "love", shape: standby);
        Graph.Customers.Reacts(Page, Psid, "m_1", unreact: true);
        Graph.Customers.Edits(Page, Psid, "m_1", "new text", 2);
        Graph.Customers.ArrivesFrom(Page, Psid, new SandboxReferral("ADS", "r", "6045", "Summer", "108_1") { PhotoUrl = "https://cdn.example/p.jpg", ProductId = "731" });
        Graph.Customers.OptsIn(Page, Psid, "Weekly deals");
        Graph.Customers.Handover(Page, Psid, "pass_thread_control", "111", "222", "m");
        Graph.Customers.Reads(Page, Psid, new MessengerShape { Time = MessengerTimeForm.SecondsString });
        Graph.Customers.EnforcesPolicy(Page, "block", "Spam");

        var react = Body("message_reactions", 0).GetProperty("entry")[0].GetProperty("standby")[0];
        var unreact = Body("message_reactions", 1).GetProperty("entry")[0].GetProperty("messaging")[0].GetProperty("reaction");
        var edit = Event("message_edits").GetProperty("message_edit");
        var referral = Event("messaging_referrals").GetProperty("referral");
        var optin = Event("messaging_optins").GetProperty("optin");
        var pass = Event("messaging_handovers").GetProperty("pass_thread_control");
        var read = Event("message_reads").GetProperty("read");
        var policy = Event("messaging_policy_enforcement");
        Assert.Multiple(() =>
        {
            Assert.That(react.GetProperty("timestamp").ValueKind, Is.EqualTo(JsonValueKind.String));
            Assert.That(react.GetProperty("reaction").GetProperty("emoji").GetString(), Is.EqualTo("❤️"));
            Assert.That((unreact.GetProperty("action").GetString(), unreact.TryGetProperty("emoji", out _)), Is.EqualTo(("unreact", false)));
            Assert.That((edit.GetProperty("text").GetString(), edit.GetProperty("num_edit").GetInt32()), Is.EqualTo(("new text", 2)));
            Assert.That(referral.GetProperty("ads_context_data").EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "ad_title", "photo_url", "post_id", "product_id" }), "Meta's order, absent fields left out");
            Assert.That(referral.GetProperty("ads_context_data").GetProperty("photo_url").GetString(), Is.EqualTo("https://cdn.example/p.jpg"));
            Assert.That(optin.GetProperty("notification_messages_token").GetString(), Does.StartWith("nmt_"));
            Assert.That(pass.GetProperty("new_owner_app_id").GetString(), Is.EqualTo("222"));
            Assert.That(read.GetProperty("watermark").GetString(), Is.EqualTo(_clock.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(policy.TryGetProperty("sender", out _), Is.False, "a page-wide event has no sender");
            Assert.That(policy.GetProperty("policy_enforcement").GetProperty("reason").GetString(), Is.EqualTo("Spam"));
        });
    }

    [Test]
    public async Task A_customers_image_is_served_from_the_cdn_until_its_link_expires_and_a_sticker_is_also_an_image()
    {
        Graph.Customers.Writes(Page, Psid, new CustomerMessage("Look") { Attachments = [CustomerAttachment.Image(500), new CustomerAttachment("sticker") { StickerId = "369239263222822", AlsoAsImage = true }] });

        var attachments = Event("messages").GetProperty("message").GetProperty("attachments");
        var url = attachments[0].GetProperty("payload").GetProperty("url").GetString()!;
        using var fresh = await Http.Http.GetAsync(url);
        var bytes = await fresh.Content.ReadAsByteArrayAsync();
        _clock.Advance(Graph.Customers.CdnLinkLifetime + TimeSpan.FromMinutes(1));
        using var expired = await Http.Http.GetAsync(url);
        Assert.Multiple(() =>
        {
            Assert.That((fresh.StatusCode, fresh.Content.Headers.ContentType?.MediaType, bytes.Length), Is.EqualTo((HttpStatusCode.OK, "image/png", 500)));
            Assert.That(expired.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(attachments.EnumerateArray().Select(a => a.GetProperty("type").GetString()), Is.EqualTo(new[] { "image", "sticker", "image" }));
            Assert.That(attachments[2].GetProperty("payload").GetProperty("sticker_id").GetInt64(), Is.EqualTo(369239263222822));
        });
    }

    [Test]
    public async Task An_upload_in_filedata_is_sent_recorded_and_echoed_with_a_link_to_it()
    {
        using var content = new MultipartFormDataContent
        {
            { new StringContent($$"""{"id":"{{Psid}}"}"""), "recipient" },
            { new StringContent("RESPONSE"), "messaging_type" },
            { new StringContent("""{"attachment":{"type":"file","payload":{"is_reusable":false}}}"""), "message" },
        };
        var file = new ByteArrayContent("%PDF-1.4 quote"u8.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        content.Add(file, "filedata", "quote.pdf");

        var answer = await Http.SendAsync(HttpMethod.Post, $"{Page}/messages", SandboxSeed.MainPageToken, content);

        var sent = Graph.SentMessages.Single();
        var echo = Event("message_echoes").GetProperty("message").GetProperty("attachments")[0];
        Assert.Multiple(() =>
        {
            Assert.That(answer.IsError, Is.False, answer.Json.ToString());
            Assert.That(answer.Json.GetProperty("message_id").GetString(), Is.EqualTo(sent.MessageId));
            Assert.That((sent.Text, sent.Attachment?.Type, sent.Attachment?.FileName), Is.EqualTo((string.Empty, (string?)"file", (string?)"quote.pdf")));
            Assert.That(sent.Attachment!.Bytes, Is.EqualTo("%PDF-1.4 quote"u8.ToArray()));
            Assert.That(echo.GetProperty("type").GetString(), Is.EqualTo("file"));
            Assert.That(echo.GetProperty("payload").GetProperty("url").GetString(), Does.Contain("/cdn/"));
        });
    }

    [Test]
    public async Task Sender_actions_are_recorded_inside_the_window_and_refused_outside_it_or_with_a_message()
    {
        var typing = await Http.PostJsonAsync($"{Page}/messages", new { recipient = new { id = Psid }, sender_action = "typing_on" });
        var old = await Http.PostJsonAsync($"{Page}/messages", new { recipient = new { id = SandboxSeed.CustomerWroteThreeDaysAgoPsid }, sender_action = "mark_seen" });
        var mixed = await Http.PostJsonAsync($"{Page}/messages", new { recipient = new { id = Psid }, sender_action = "typing_on", message = new { text = "x" } });

        Assert.Multiple(() =>
        {
            Assert.That(typing.Json.GetProperty("recipient_id").GetString(), Is.EqualTo(Psid));
            Assert.That(Graph.Customers.SenderActions.Select(a => (a.Psid, a.Action)), Is.EqualTo(new[] { (Psid, "typing_on") }));
            Assert.That(old.ErrorSubcode, Is.EqualTo(2018278));
            Assert.That(mixed.ErrorCode, Is.EqualTo(100));
            Assert.That(Graph.SentMessages, Is.Empty);
        });
    }

    [Test]
    public async Task Thread_control_passes_and_takes_and_a_page_meta_routes_itself_refuses_both()
    {
        var pass = await Http.PostJsonAsync($"{Page}/pass_thread_control", new { recipient = new { id = Psid }, target_app_id = "880011223344556", metadata = "to the bot" });
        var take = await Http.PostJsonAsync($"{Page}/take_thread_control", new { recipient = new { id = Psid } });
        var noTarget = await Http.PostJsonAsync($"{Page}/pass_thread_control", new { recipient = new { id = Psid } });
        Graph.Customers.RouteConversationsByMeta(Page);
        var routed = await Http.PostJsonAsync($"{Page}/take_thread_control", new { recipient = new { id = Psid } });

        Assert.Multiple(() =>
        {
            Assert.That((pass.Json.GetProperty("success").GetBoolean(), take.Json.GetProperty("success").GetBoolean()), Is.EqualTo((true, true)));
            Assert.That(noTarget.ErrorCode, Is.EqualTo(100));
            Assert.That(routed.ErrorMessage, Does.Contain("Handover Protocol APIs disabled"));
            Assert.That(Graph.Customers.ThreadControlCalls.Select(c => (c.Action, c.TargetAppId, c.Granted)), Is.EqualTo(new[]
            {
                ("pass_thread_control", (string?)"880011223344556", true),
                ("take_thread_control", (string?)null, true),
                ("take_thread_control", (string?)null, false),
            }));
        });
    }

    [Test]
    public async Task The_user_profile_api_gives_a_customers_name_and_picture_unless_profiles_are_refused()
    {
        var profile = await Http.GetAsync($"{Psid}?fields=first_name,last_name,profile_pic");
        Graph.Customers.RefuseProfiles(Page);
        var refused = await Http.GetAsync($"{Psid}?fields=first_name,last_name,profile_pic");
        var stranger = await Http.GetAsync("7999999999999999?fields=first_name");

        Assert.Multiple(() =>
        {
            Assert.That((profile.Json.GetProperty("first_name").GetString(), profile.Json.GetProperty("last_name").GetString()), Is.EqualTo(("Ana", "Lúcia Ferreira")));
            Assert.That(profile.Json.GetProperty("profile_pic").GetString(), Does.Contain("/cdn/"));
            Assert.That(refused.ErrorCode, Is.EqualTo(10));
            Assert.That(stranger.ErrorCode, Is.EqualTo(100), "only the page's own customers");
        });
    }

    [Test]
    public async Task The_control_api_makes_customers_act_and_refuses_a_request_without_what_it_needs()
    {
        using var control = new HttpClient { BaseAddress = Sandbox.BaseAddress };
        var image = await control.PostAsync($"/_sandbox/pages/{Page}/customers/{Psid}/messages", SandboxClient.JsonContent(new
        {
            text = "Hi",
            attachments = new object[] { new { type = "image", size_bytes = 100 }, new { type = "location", latitude = 1.5, longitude = 2.5 } },
            shape = new { envelope = "Changes", time = "SecondsString" },
        }));
        var tap = await control.PostAsync($"/_sandbox/pages/{Page}/customers/{Psid}/postbacks", SandboxClient.JsonContent(new { title = "Get Started", payload = "GET_STARTED" }));
        var missing = await control.PostAsync($"/_sandbox/pages/{Page}/customers/{Psid}/postbacks", SandboxClient.JsonContent(new { title = "No payload" }));
        var empty = await control.PostAsync($"/_sandbox/pages/{Page}/customers/{Psid}/messages", SandboxClient.JsonContent(new { }));

        var why = await missing.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That((image.StatusCode, tap.StatusCode), Is.EqualTo((HttpStatusCode.OK, HttpStatusCode.OK)));
            Assert.That((missing.StatusCode, empty.StatusCode), Is.EqualTo((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest)));
            Assert.That(why, Does.Contain("payload"));
        });
        var change = Body("messages").GetProperty("entry")[0].GetProperty("changes")[0].GetProperty("value");
        Assert.That(change.GetProperty("message").GetProperty("attachments")[1].GetProperty("payload").GetProperty("coordinates").GetProperty("lat").GetDouble(), Is.EqualTo(1.5));
    }

    private JsonElement Body(string field, int index = 0) =>
        JsonDocument.Parse(Graph.WebhookDeliveries.Where(d => d.Field == field).ElementAt(index).Body).RootElement;

    private JsonElement Event(string field) => Body(field).GetProperty("entry")[0].GetProperty("messaging")[0];
}
