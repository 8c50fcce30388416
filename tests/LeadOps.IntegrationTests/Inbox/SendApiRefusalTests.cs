using System.Net.Http.Json;
using System.Text.Json;
using LeadOps.Application.Common.Audit;
using LeadOps.Application.Conversations;
using LeadOps.Domain.Conversations;
using LeadOps.GraphSandbox;
using LeadOps.IntegrationTests.Inbox.Support;
using Microsoft.EntityFrameworkCore;

namespace LeadOps.IntegrationTests.Inbox;

/// <summary>
/// The Send API's refusals as its error table writes them (developers.facebook.com/docs/messenger-platform/reference/send-api,
/// "Errors"), answered by the sandbox: one person not receiving messages fails that reply without marking the page as
/// missing a permission.
/// </summary>
public sealed class SendApiRefusalTests(DatabaseKind database) : InboxFixture(database)
{
    [TestCase(10, TestName = "Code_10_subcode_2018108_this_person_cannot_receive_messages")]
    [TestCase(200, TestName = "Code_200_subcode_1545041_message_not_sent")]
    public async Task A_person_not_receiving_messages_fails_the_reply_and_leaves_the_page_connected(int code)
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var id = await CustomerWritesAsync(staff, psid, "Do you deliver on Sundays?");
        Meta.SetFault(new FaultRule { Route = FaultRoutes.Messages, PageId = SandboxSeed.MainPageId, Kind = FaultKind.SendRefused, Code = code, Times = 1 });

        var answer = await ReplyAsync(staff, id, psid, "Yes, until noon.");

        Assert.That(answer.GetProperty("success").GetBoolean(), Is.False);
        var failed = await FailedReplyAsync(staff, id);
        var integrations = await staff.Api.GetFromJsonAsync<JsonElement>("/api/integrations");
        Assert.Multiple(() =>
        {
            Assert.That(failed.GetProperty("error_code").GetString(), Is.EqualTo("recipient_unavailable"));
            Assert.That(failed.GetProperty("can_retry").GetBoolean(), Is.True);
            Assert.That(integrations.GetProperty("integrations")[0].GetProperty("status").GetString(), Is.EqualTo("active"), "one person's refusal says nothing about the page's permissions");
            Assert.That(SentTo(psid), Is.Empty);
        });
    }

    /// <summary>
    /// "This message is sent outside of allowed window." as code 10 / 2534022 with HTTP 403, the form integrators record
    /// (ComposioHQ/composio issue #3604; public projects classify it as the closed window): the reply fails as outside the
    /// window, and the page is not marked as missing a permission.
    /// </summary>
    [Test]
    public async Task Code_10_subcode_2534022_outside_the_window_fails_the_reply_and_leaves_the_page_connected()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var id = await CustomerWritesAsync(staff, psid, "Still open tomorrow?");
        Meta.SetFault(new FaultRule { Route = FaultRoutes.Messages, PageId = SandboxSeed.MainPageId, Kind = FaultKind.SendRefused, Code = 10, Subcode = 2534022, Times = 1 });

        var answer = await ReplyAsync(staff, id, psid, "Yes, from nine.");

        var failed = await FailedReplyAsync(staff, id);
        var integration = (await staff.Api.GetFromJsonAsync<JsonElement>("/api/integrations")).GetProperty("integrations")[0];
        Assert.Multiple(() =>
        {
            Assert.That(answer.GetProperty("success").GetBoolean(), Is.False);
            Assert.That(failed.GetProperty("error_code").GetString(), Is.EqualTo("outside_window"));
            Assert.That(integration.GetProperty("status").GetString(), Is.EqualTo("active"), "the window of one conversation says nothing about the page's permissions");
            Assert.That(integration.GetProperty("missing_permissions").EnumerateArray().Select(p => p.GetString()), Is.Empty);
            Assert.That(SentTo(psid), Is.Empty);
        });
    }

    /// <summary>
    /// The Send API's error table: 200 / 2018028 "Cannot message users who are not admins, developers or testers of the app
    /// until pages_messaging permission is reviewed and the app is live."; integrators record the same words with code 10
    /// (a Go client's comment of what Meta answered it, <c>"code": 10, "error_subcode": 2018028</c>). The token has the
    /// permission; the app needs App Review and Live mode, so the reply and the integration say that, never "reconnect the
    /// page with it granted".
    /// </summary>
    [TestCase(200, TestName = "Code_200_subcode_2018028_app_not_reviewed_or_live")]
    [TestCase(10, TestName = "Code_10_subcode_2018028_app_not_reviewed_or_live")]
    public async Task An_app_not_yet_reviewed_and_live_fails_the_reply_saying_what_to_do(int code)
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var id = await CustomerWritesAsync(staff, psid, "Can I pay by card?");
        Meta.SetFault(new FaultRule { Route = FaultRoutes.Messages, PageId = SandboxSeed.MainPageId, Kind = FaultKind.SendRefused, Code = code, Subcode = 2018028, Times = 1 });

        var answer = await ReplyAsync(staff, id, psid, "Yes, any card.");

        var failed = await FailedReplyAsync(staff, id);
        var integration = (await staff.Api.GetFromJsonAsync<JsonElement>("/api/integrations")).GetProperty("integrations")[0];
        Assert.Multiple(() =>
        {
            Assert.That(answer.GetProperty("success").GetBoolean(), Is.False);
            Assert.That(failed.GetProperty("error_code").GetString(), Is.EqualTo("permission_missing"));
            Assert.That(failed.GetProperty("error").GetString(), Does.Contain("App Review").And.Contain("Live").And.Not.Contain("reconnect the page with it granted"));
            Assert.That(integration.GetProperty("last_error").GetString(), Does.Contain("App Review"), integration.ToString());
            Assert.That(integration.GetProperty("missing_permissions").EnumerateArray().Select(p => p.GetString()), Is.Empty,
                "the token has pages_messaging: the integration does not list it as missing (the next test would only take it off)");
            Assert.That(SentTo(psid), Is.Empty);
        });
    }

    /// <summary>
    /// The Send API's error body with HTTP 200 (Meta answers refusals with 200, 400, 403 or 500; the body decides): the
    /// reply failed and can be retried, it is never taken for a send Meta did without a message id.
    /// </summary>
    [TestCase(200, TestName = "Refusal_with_http_200")]
    [TestCase(403, TestName = "Refusal_with_http_403")]
    public async Task A_refusal_is_a_refusal_whatever_the_http_status(int status)
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var id = await CustomerWritesAsync(staff, psid, "Is the red one still there?");
        Meta.SetFault(new FaultRule { Route = FaultRoutes.Messages, PageId = SandboxSeed.MainPageId, Kind = FaultKind.SendRefused, Code = 10, Status = status, Times = 1 });

        var answer = await ReplyAsync(staff, id, psid, "Yes, come by today.");

        Assert.That(answer.GetProperty("success").GetBoolean(), Is.False);
        var failed = await FailedReplyAsync(staff, id);
        Assert.Multiple(() =>
        {
            Assert.That(failed.GetProperty("error_code").GetString(), Is.EqualTo("recipient_unavailable"));
            Assert.That(failed.GetProperty("can_retry").GetBoolean(), Is.True);
            Assert.That(SentTo(psid), Is.Empty);
        });
    }

    /// <summary>
    /// Messenger's error-codes page: 1 / 1357046 "Received invalid JSON reply." comes after the messages were all sent.
    /// Sending again would send the customer the reply twice; the echo Meta sends shows it sent.
    /// </summary>
    [Test]
    public async Task A_reply_meta_sent_but_answered_with_an_invalid_json_reply_is_sent_once_and_shown_sent_by_its_echo()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var id = await CustomerWritesAsync(staff, psid, "Can I book a test ride?");
        Meta.SetFault(new FaultRule { Route = FaultRoutes.Messages, PageId = SandboxSeed.MainPageId, Kind = FaultKind.DoneButInvalidReply, Times = 1 });

        var reply = await ReplyAsync(staff, id, psid, "Yes: Saturday at 10?");

        // Not Failed, which would offer a retry: the brief's client hears it was sent (it would send it again otherwise),
        // with the reason it is not confirmed yet.
        await using (var scope = App.ScopeFor(staff.User.Id))
        {
            var audited = await App.Db(scope).AuditEntries.AsNoTracking().Where(a => a.SubjectId == id.ToString() && a.Action == AuditActions.SendMessage).Select(a => a.Outcome).ToListAsync();
            Assert.Multiple(() =>
            {
                Assert.That(reply.GetProperty("success").GetBoolean(), Is.True);
                Assert.That(reply.GetProperty("data").GetProperty("error").GetString(), Is.EqualTo(ReplyOutcome.RecordPending));
                Assert.That(audited, Is.EqualTo(new[] { AuditActions.Unconfirmed }), "the audit says how the send ended");
            });
        }

        // The echo shows it sent; the delivery receipt Meta sends after it may already have moved it on to delivered.
        await staff.Probe.WaitUntilAsync("the echo shows the reply sent", async () =>
            (await MessagesAsync(staff, id)).Single(m => m.GetProperty("sender").GetString() == "staff").GetProperty("status").GetString() is "sent" or "delivered");
        Assert.That(SentTo(psid).Select(m => m.Text), Is.EqualTo(new[] { "Yes: Saturday at 10?" }), "sent once, not again after an error Meta gives once it has sent");
    }

    /// <summary>
    /// Meta's echo confirms the reply waiting for it, not an older one with the same words that Meta refused: that one
    /// stays failed (the customer does not have it) and can still be retried.
    /// </summary>
    [Test]
    public async Task An_echo_confirms_the_reply_waiting_for_it_not_an_older_refused_one_with_the_same_words()
    {
        var (staff, psid, id, refused) = await RefusedReplyAsync("Can I pay by card?", "Yes.");

        Meta.SetFault(new FaultRule { Route = FaultRoutes.Messages, PageId = SandboxSeed.MainPageId, Kind = FaultKind.DoneButInvalidReply, Times = 1 });
        var taken = await ReplyAsync(staff, id, psid, "Yes.");
        Assert.That(taken.GetProperty("success").GetBoolean(), Is.True, "Meta took the second one");

        await staff.Probe.WaitUntilAsync("the echo confirms a reply", async () =>
            (await MessagesAsync(staff, id)).Any(m => m.GetProperty("sender").GetString() == "staff" && m.GetProperty("status").GetString() is "sent" or "delivered"));
        var replies = (await MessagesAsync(staff, id)).Where(m => m.GetProperty("sender").GetString() == "staff").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(replies.Single(m => m.GetProperty("id").GetInt64() == refused).GetProperty("status").GetString(), Is.EqualTo("failed"), "Meta refused this one");
            Assert.That(replies.Single(m => m.GetProperty("id").GetInt64() != refused).GetProperty("status").GetString(), Is.AnyOf("sent", "delivered"));
            Assert.That(SentTo(psid).Select(m => m.Text), Is.EqualTo(new[] { "Yes." }));
        });
    }

    /// <summary>
    /// A reply recorded as failed without Meta saying no (a temporary failure, after which Meta may have it) whose echo
    /// then arrives, naming LeadOps' app, becomes sent, and the audit, which said it failed, says that Meta's echo shows
    /// it went out. An echo without an app id is the Page inbox's (Meta Business Suite may leave it out): it claims
    /// nothing, and a reply Meta refused is never claimed.
    /// </summary>
    [Test]
    public async Task An_echo_of_a_reply_recorded_as_failed_marks_it_sent_and_the_audit_says_so()
    {
        const string Text = "It is: shall I keep one for you?";
        var (staff, psid, id, refused) = await RefusedReplyAsync("Is the red one in stock?", Text);
        await using (var arrange = App.ScopeFor(staff.User.Id))
        {
            // As the Graph client leaves a reply whose send timed out after its retries: Meta may have it.
            await App.Db(arrange).MessengerMessages.Where(m => m.Id == refused)
                .ExecuteUpdateAsync(u => u.SetProperty(m => m.FailureKind, SendFailure.Temporary).SetProperty(m => m.FailureReason, "Facebook did not answer in time."));
        }

        var failed = await FailedReplyAsync(staff, id);
        Assert.That(failed.GetProperty("error_code").GetString(), Is.EqualTo("temporary"));

        await PostSignedWebhookAsync(EchoBody(psid, "m_inbox_" + psid, Text, Clock.GetUtcNow()));
        await ProcessedAsync(staff);
        Assert.That((await FailedReplyAsync(staff, id)).GetProperty("id").GetInt64(), Is.EqualTo(failed.GetProperty("id").GetInt64()), "an echo without an app id is the Page inbox's");

        await PostSignedWebhookAsync(EchoBody(psid, "m_echo_" + psid, Text, Clock.GetUtcNow(), Meta.Options.AppId));
        await ProcessedAsync(staff);

        var reply = (await MessagesAsync(staff, id)).Single(m => m.GetProperty("id").GetInt64() == failed.GetProperty("id").GetInt64());
        await using var scope = App.ScopeFor(staff.User.Id);
        var audited = await App.Db(scope).AuditEntries.AsNoTracking().Where(a => a.SubjectId == id.ToString() && a.Action == AuditActions.SendMessage)
            .OrderBy(a => a.Id).Select(a => new { a.Outcome, a.Detail }).ToListAsync();
        Assert.Multiple(() =>
        {
            Assert.That(reply.GetProperty("status").GetString(), Is.EqualTo("sent"));
            Assert.That(reply.GetProperty("can_retry").GetBoolean(), Is.False);
            Assert.That(audited.Select(a => a.Outcome), Is.EqualTo(new[] { AuditActions.Failed, AuditActions.Sent }));
            Assert.That(audited[^1].Detail, Is.EqualTo($"message {reply.GetProperty("id").GetInt64()}: Meta's echo shows it went out after all"));
        });
    }

    /// <summary>A reply Meta refused outright (the person is not available) is not claimed by an echo of LeadOps' app with its words.</summary>
    [Test]
    public async Task An_echo_never_marks_a_reply_meta_refused_sent()
    {
        var (staff, psid, id, refused) = await RefusedReplyAsync("Do you deliver?", "We do.");

        await PostSignedWebhookAsync(EchoBody(psid, "m_echo_" + psid, "We do.", Clock.GetUtcNow(), Meta.Options.AppId));
        await ProcessedAsync(staff);

        Assert.That((await FailedReplyAsync(staff, id)).GetProperty("id").GetInt64(), Is.EqualTo(refused));
    }

    /// <summary>
    /// An echo names the app that sent the message (messenger-platform/reference/webhook-events/message_echoes: <c>app_id</c>;
    /// 263902037430900, the Page inbox, for Meta Business Suite). Someone answering there with the same words as a LeadOps
    /// reply Meta refused does not make that reply sent: it stays failed and can be retried, and the answer is the Page
    /// inbox's, as the sandbox sends it.
    /// </summary>
    [Test]
    public async Task A_reply_typed_in_meta_business_suite_with_the_same_words_does_not_confirm_a_refused_reply()
    {
        var (staff, psid, id, refused) = await RefusedReplyAsync("Are you open today?", "Yes.");

        var mid = Meta.Customers.PageInboxAnswers(SandboxSeed.MainPageId, psid, "Yes.");
        await WaitForMessageAsync(staff, psid, mid);

        var thread = await MessagesAsync(staff, id);
        var reply = thread.Single(m => m.GetProperty("id").GetInt64() == refused);
        Assert.Multiple(() =>
        {
            Assert.That(reply.GetProperty("status").GetString(), Is.EqualTo("failed"), "the customer does not have LeadOps' reply");
            Assert.That(reply.GetProperty("can_retry").GetBoolean(), Is.True);
            Assert.That(thread.Where(m => m.GetProperty("mid").GetString() == mid).Select(m => m.GetProperty("sender").GetString()), Is.EqualTo(new[] { "page_inbox" }));
        });
    }

    /// <summary>A retry begun long after the reply was written counts Meta's silence from the retry, not from the writing.</summary>
    [Test]
    public async Task A_retry_is_the_replys_latest_attempt()
    {
        var (staff, _, id, messageId) = await RefusedReplyAsync("Do you have it in blue?", "We do.");

        Clock.Advance(TimeSpan.FromMinutes(10));
        var retried = await staff.Api.PostAsync($"/api/conversations/{id}/messages/{messageId}/retry", null);

        Assert.That(retried.IsSuccessStatusCode, Is.True);
        await using var scope = App.ScopeFor(staff.User.Id);
        var message = await App.Db(scope).MessengerMessages.AsNoTracking().SingleAsync(m => m.Id == messageId);
        Assert.That(message.LastAttemptAt, Is.EqualTo(message.At + TimeSpan.FromMinutes(10)));
    }

    /// <summary>
    /// The reply box says at once that Meta took a reply it did not confirm; a reply left Sending (no echo came) says after
    /// five minutes that the customer may have it, so that staff look before sending it again.
    /// </summary>
    [Test]
    public async Task The_thread_says_when_meta_took_a_reply_without_confirming_it()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var id = await CustomerWritesAsync(staff, psid, "Is it in stock?");
        using var browser = await App.SignedInClientAsync(staff.User);
        Meta.SetFault(new FaultRule { Route = FaultRoutes.Messages, PageId = SandboxSeed.MainPageId, Kind = FaultKind.DoneButInvalidReply, Times = 1 });

        await browser.PostMultipartAsync($"/Inbox/Conversation/{id}?handler=Reply", new Dictionary<string, string> { ["Reply.Text"] = "Yes, two left." }, null, formPage: $"/Inbox/Conversation/{id}");
        Assert.That(await browser.GetStringAsync($"/Inbox/Conversation/{id}"), Does.Contain(ReplyOutcome.RecordPending));
        await staff.Probe.WaitUntilAsync("the echo shows the reply sent", async () =>
            (await MessagesAsync(staff, id)).Single(m => m.GetProperty("text").GetString() == "Yes, two left.").GetProperty("status").GetString() is "sent" or "delivered");

        // A reply Meta never confirmed (its echo lost): written straight to the thread as the send leaves it.
        await using (var scope = App.ScopeFor(staff.User.Id))
        {
            var db = App.Db(scope);
            var conversation = await db.Conversations.SingleAsync(c => c.Id == id);
            var now = Clock.GetUtcNow();
            db.MessengerMessages.Add(conversation.WriteReply(staff.User.Id, null, "We can hold one for you.", Guid.NewGuid().ToString("N"), conversation.PlanReply(MessageSender.Staff, now, true), null, now));
            await db.SaveChangesAsync();
        }

        Assert.That(await browser.GetStringAsync($"/Inbox/Conversation/{id}"), Does.Not.Contain("data-test=\"unconfirmed\""), "Meta may still answer");
        Clock.Advance(MessengerMessage.ConfirmationWait);
        var html = await browser.GetStringAsync($"/Inbox/Conversation/{id}");
        Assert.That(System.Text.RegularExpressions.Regex.Matches(html, "data-test=\"unconfirmed\""), Has.Count.EqualTo(1), "the reply without its echo, not the one Meta confirmed");
    }

    /// <summary>A customer writes and the staff reply is refused by Meta (10 / 2018108): it stays failed.</summary>
    private async Task<(Staff Staff, string Psid, Guid Id, long Refused)> RefusedReplyAsync(string question, string text)
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var id = await CustomerWritesAsync(staff, psid, question);
        Meta.SetFault(new FaultRule { Route = FaultRoutes.Messages, PageId = SandboxSeed.MainPageId, Kind = FaultKind.SendRefused, Code = 10, Times = 1 });
        await ReplyAsync(staff, id, psid, text);
        return (staff, psid, id, (await FailedReplyAsync(staff, id)).GetProperty("id").GetInt64());
    }

    private static async Task<JsonElement> ReplyAsync(Staff staff, Guid id, string psid, string text)
    {
        var reply = await staff.Api.PostAsJsonAsync("/admin/send-message", new { conversation_id = id, recipient_id = psid, message_text = text, admin_id = staff.User.Id });
        return await reply.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<JsonElement> FailedReplyAsync(Staff staff, Guid id) =>
        (await MessagesAsync(staff, id)).Single(m => m.GetProperty("sender").GetString() == "staff" && m.GetProperty("status").GetString() == "failed");
}
