using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using LeadOps.GraphSandbox;
using LeadOps.IntegrationTests.Inbox.Support;

namespace LeadOps.IntegrationTests.Inbox;

/// <summary>
/// What a customer tells the page beside messages, as Meta's webhook reference pages write it: answers to the customer
/// feedback template (messaging_feedback), a thumbs up or down on a reply (response_feedback), account linking
/// (messaging_account_linking), a round of a game (messaging_game_plays). Each was skipped without a trace before: now a
/// note in the customer's thread, once however often Meta delivers it, that neither opens the window nor becomes the
/// list's preview.
/// </summary>
public sealed class CustomerFeedbackTests(DatabaseKind database) : InboxFixture(database)
{
    private const string Page = SandboxSeed.MainPageId;

    /// <summary>
    /// messenger-platform/webhooks/webhook-events/messaging_feedback: <c>feedback_screens[] {screen_id, questions {&lt;id&gt;:
    /// {type, payload, follow_up {type: free_form, payload}}}}</c>, placeholders filled in (a CSAT answer with its comment on
    /// one screen, an NPS answer on the next), delivered twice.
    /// </summary>
    [Test]
    public async Task The_messaging_feedback_sample_is_a_note_in_the_thread_once_and_opens_no_window()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var id = await CustomerWritesAsync(staff, psid, "Hi");
        var before = (await ConversationAsync(staff, id)).GetProperty("last_customer_message_at").GetDateTimeOffset();
        Clock.Advance(TimeSpan.FromHours(2));
        var at = Clock.GetUtcNow().ToUnixTimeMilliseconds();
        var sample = $$$"""
            {"object":"page","entry":[{"id":"{{{Page}}}","time":{{{at}}},"messaging":[{
              "sender":{"id":"{{{psid}}}"},"recipient":{"id":"{{{Page}}}"},"timestamp":{{{at}}},
              "messaging_feedback":{"feedback_screens":[
                {"screen_id":0,"questions":{"service_rating":{"type":"csat","payload":"4","follow_up":{"type":"free_form","payload":"Quick and kind"} } } },
                {"screen_id":1,"questions":{"recommend":{"type":"nps","payload":"9"} } }
              ]}
            }]} ]}
            """;

        await PostSignedWebhookAsync(sample);
        await PostSignedWebhookAsync(sample);
        await ProcessedAsync(staff);

        var detail = await DetailAsync(staff, id);
        var notes = detail.GetProperty("messages").EnumerateArray().Where(m => m.GetProperty("kind").GetString() == "note").ToList();
        var conversation = detail.GetProperty("conversation");
        Assert.Multiple(() =>
        {
            Assert.That(notes.Select(n => n.GetProperty("text").GetString()), Is.EqualTo(new[] { "Feedback: CSAT 4 of 5 · “Quick and kind” · NPS 9 of 10" }), "kept once");
            Assert.That(notes.Single().GetProperty("sender").GetString(), Is.EqualTo("system"));
            Assert.That(conversation.GetProperty("last_message_preview").GetString(), Is.EqualTo("Hi"), "a note is not a message");
            Assert.That(conversation.GetProperty("last_customer_message_at").GetDateTimeOffset(), Is.EqualTo(before), "feedback opens no window");
        });
    }

    /// <summary>
    /// messenger-platform/webhooks/webhook-events/response_feedback: the sample as Meta prints it, a bare event with a
    /// trailing comma after <c>mid</c>, naming the page's reply: the note quotes the reply it rates.
    /// </summary>
    [Test]
    public async Task The_response_feedback_sample_with_its_trailing_comma_notes_the_rating_of_the_reply_it_names()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var id = await CustomerWritesAsync(staff, psid, "Thanks for the quote");
        await staff.Api.PostAsJsonAsync($"/api/conversations/{id}/messages", new { text = "You're welcome!" });
        var replyMid = SentTo(psid).Single().MessageId;
        var sample = $$"""
            {
               "sender":{
                  "id":"{{psid}}"
               },
               "recipient":{
                  "id":"{{Page}}"
               },
               "timestamp":{{Clock.GetUtcNow().ToUnixTimeMilliseconds()}},
               "response_feedback":{
                     "feedback": "Bad response",
                     "mid": "{{replyMid}}",
               }
            }
            """;

        await PostSignedWebhookAsync(sample);
        await PostSignedWebhookAsync(sample);
        await ProcessedAsync(staff);

        var notes = (await MessagesAsync(staff, id)).Where(m => m.GetProperty("kind").GetString() == "note").Select(m => m.GetProperty("text").GetString());
        Assert.That(notes, Is.EqualTo(new[] { "Rated a reply: Bad response · “You're welcome!”" }));
    }

    /// <summary>
    /// Other documented forms, each in <c>messaging[]</c> and delivered twice: messaging_game_plays' <c>game_play</c> (its
    /// score a number), messaging_account_linking's <c>account_linking</c> (linked with an authorization code, unlinked),
    /// feedback whose questions come as a list, a rating without a mid.
    /// </summary>
    [TestCase("game_play", """{"game_id":"1234567890","player_id":"2468013579","context_type":"SOLO","context_id":"","score":120,"payload":"{\"level\":3}"}""",
        "Played a game · score 120", TestName = "Messaging_game_plays_sample_notes_the_score")]
    [TestCase("account_linking", """{"status":"linked","authorization_code":"PASS_THROUGH_AUTHORIZATION_CODE"}""",
        "Linked their account", TestName = "Account_linking_linked_sample_notes_it_without_the_authorization_code")]
    [TestCase("account_linking", """{"status":"unlinked"}""", "Unlinked their account", TestName = "Account_linking_unlinked_sample_notes_it")]
    [TestCase("messaging_feedback", """{"feedback_screens":[{"screen_id":0,"questions":[{"id":"effort","type":"ces","payload":2},{"type":"free_form","payload":"  "}]}]}""",
        "Feedback: CES 2 of 7", TestName = "Feedback_with_questions_as_a_list_a_number_score_and_a_blank_answer_is_read")]
    [TestCase("messaging_feedback", """{"feedback_screens":[]}""", "Answered a feedback survey", TestName = "Feedback_without_answers_still_says_what_happened")]
    [TestCase("response_feedback", """{"feedback":"Good response"}""", "Rated a reply: Good response", TestName = "Response_feedback_without_a_mid_is_noted")]
    public async Task A_documented_customer_event_is_noted_in_the_thread_once(string name, string body, string expected)
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var id = await CustomerWritesAsync(staff, psid, "Hi");
        var delivery = MetaEvents.Messaging(MetaEvents.FromCustomer(psid, MetaEvents.Millis(Clock.GetUtcNow()), name, JsonNode.Parse(body)!));

        await PostSignedWebhookAsync(delivery);
        await PostSignedWebhookAsync(delivery);
        await ProcessedAsync(staff);

        var raw = await staff.Api.GetStringAsync($"/api/conversations/{id}/messages");
        var notes = (await MessagesAsync(staff, id)).Where(m => m.GetProperty("kind").GetString() == "note").Select(m => m.GetProperty("text").GetString());
        Assert.Multiple(() =>
        {
            Assert.That(notes, Is.EqualTo(new[] { expected }));
            Assert.That(raw, Does.Not.Contain("PASS_THROUGH_AUTHORIZATION_CODE"), "the code is the business's to redeem, never shown");
        });
    }

    /// <summary>
    /// The sandbox sends feedback, a rating and account linking as Meta does, in every envelope, to a page subscribed to those
    /// fields; a customer LeadOps did not know yet gets a conversation for them.
    /// </summary>
    [TestCase(MessengerEnvelope.Messaging, MessengerTimeForm.MillisNumber)]
    [TestCase(MessengerEnvelope.Standby, MessengerTimeForm.SecondsString)]
    [TestCase(MessengerEnvelope.Changes, MessengerTimeForm.MillisString)]
    [TestCase(MessengerEnvelope.BareChange, MessengerTimeForm.MillisNumber)]
    public async Task Feedback_a_rating_and_account_linking_from_the_sandbox_reach_the_thread(MessengerEnvelope envelope, MessengerTimeForm time)
    {
        var staff = await NewStaffAsync();
        Meta.SubscribeFields(Page, "messaging_feedback", "response_feedback", "messaging_account_linking");
        var shape = new MessengerShape { Envelope = envelope, Time = time };
        var psid = NewPsid();
        var id = await CustomerWritesAsync(staff, psid, "Hello");
        await staff.Api.PostAsJsonAsync($"/api/conversations/{id}/messages", new { text = "Hi! How can we help?" });
        var replyMid = SentTo(psid).Single().MessageId;

        Clock.Advance(TimeSpan.FromSeconds(5));
        Meta.Customers.RatesReply(Page, psid, replyMid, good: true, shape);
        Clock.Advance(TimeSpan.FromSeconds(5));
        Meta.Customers.GivesFeedback(Page, psid, "csat", "5", "Great help", shape: shape);
        Clock.Advance(TimeSpan.FromSeconds(5));
        Meta.Customers.LinksAccount(Page, psid, linked: true, shape: shape);
        var stranger = NewPsid();
        Meta.Customers.GivesFeedback(Page, stranger, "nps", "10", shape: shape);
        await ProcessedAsync(staff);

        var notes = (await MessagesAsync(staff, id)).Where(m => m.GetProperty("kind").GetString() == "note").Select(m => m.GetProperty("text").GetString());
        var strangersThread = await FindConversationAsync(staff, stranger);
        Assert.That(strangersThread, Is.Not.Null, "a customer's first event may be their feedback");
        var strangersNotes = (await MessagesAsync(staff, strangersThread!.Value)).Select(m => m.GetProperty("text").GetString());
        Assert.Multiple(() =>
        {
            Assert.That(notes, Is.EqualTo(new[] { "Rated a reply: Good response · “Hi! How can we help?”", "Feedback: CSAT 5 of 5 · “Great help”", "Linked their account" }));
            Assert.That(strangersNotes, Is.EqualTo(new[] { "Feedback: NPS 10 of 10" }));
        });
    }
}
