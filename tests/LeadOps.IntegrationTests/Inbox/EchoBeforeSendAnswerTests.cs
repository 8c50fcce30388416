using System.Net.Http.Json;
using System.Text.Json;
using LeadOps.Application.Common.Audit;
using LeadOps.GraphSandbox;
using LeadOps.IntegrationTests.Inbox.Support;

namespace LeadOps.IntegrationTests.Inbox;

/// <summary>
/// A reply whose Send API call hangs after Meta sent it (the sandbox's <see cref="FaultKind.TimeoutAfterWork"/>: the message
/// goes out and its echo follows, the answer never comes). When Meta's echo shows the reply sent before the call gives up,
/// the reply answers as sent, with the echo's id, and nothing says it failed; without the echo it fails as a send whose
/// outcome is unknown, and the echo arriving later marks it sent. The call gives up when the test moves the app's clock
/// past the attempt's timeout, so the echo comes first or not at all, by the test's hand.
/// </summary>
public sealed class EchoBeforeSendAnswerTests(DatabaseKind database) : InboxFixture(database)
{
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(30);

    [Test]
    public async Task A_reply_whose_echo_arrives_before_its_send_times_out_answers_sent_and_is_audited_once_as_sent()
    {
        var (staff, psid, id) = await ConversationAsync("Is the blue one still there?");
        Meta.SetFault(new FaultRule { Route = FaultRoutes.Messages, PageId = SandboxSeed.MainPageId, Kind = FaultKind.TimeoutAfterWork, Times = 1 });

        var replying = ReplyAsync(staff, id, "It is: shall I keep it for you?");
        await staff.Probe.WaitUntilAsync("Meta's echo shows the reply sent while its send hangs", async () =>
            StaffReply(await MessagesAsync(staff, id)) is { } reply && reply.GetProperty("status").GetString() is "sent" or "delivered");
        Clock.Advance(AttemptTimeout);
        var answer = await replying;

        var sent = SentTo(psid).Single();
        var reply = StaffReply(await MessagesAsync(staff, id))!.Value;
        var audited = await SendAuditAsync(staff, id);
        Assert.Multiple(() =>
        {
            Assert.That(answer.GetProperty("success").GetBoolean(), Is.True, answer.ToString());
            Assert.That(answer.GetProperty("status").GetString(), Is.AnyOf("sent", "delivered"));
            Assert.That(answer.TryGetProperty("mid", out var mid) ? mid.GetString() : null, Is.EqualTo(sent.MessageId), "the id Meta's echo gave it");
            Assert.That(answer.GetProperty("error").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(reply.GetProperty("status").GetString(), Is.AnyOf("sent", "delivered"));
            Assert.That(reply.GetProperty("can_retry").GetBoolean(), Is.False);
            Assert.That(audited, Is.EqualTo(new[] { AuditActions.Sent }), "no failed row for a reply Meta sent");
            Assert.That(SendApiCalls(), Is.EqualTo(1), "sent once");
        });
    }

    [Test]
    public async Task A_reply_whose_send_times_out_without_an_echo_fails_saying_meta_may_have_sent_it_and_the_later_echo_marks_it_sent()
    {
        var (staff, psid, id) = await ConversationAsync("Do you rent helmets?");
        Meta.SetFault(new FaultRule { Route = FaultRoutes.Messages, PageId = SandboxSeed.MainPageId, Kind = FaultKind.TimeoutAfterWork, Times = 1 });
        App.Webhooks.Hold = true;
        try
        {
            var replying = ReplyAsync(staff, id, "We do, for free.");
            await HangGuard.UntilAsync("Meta sent the reply", _ => Task.FromResult(SentTo(psid).Count == 1));
            Clock.Advance(AttemptTimeout);
            var answer = await replying;
            var audited = await SendAuditAsync(staff, id);

            Assert.Multiple(() =>
            {
                Assert.That(answer.GetProperty("success").GetBoolean(), Is.False);
                Assert.That(answer.GetProperty("status").GetString(), Is.EqualTo("failed"));
                Assert.That(answer.GetProperty("error").GetString(), Does.StartWith("Facebook did not say whether it sent this message"));
                Assert.That(audited, Is.EqualTo(new[] { AuditActions.Failed }));
            });
        }
        finally
        {
            await App.Webhooks.ReleaseAsync();
        }

        await staff.Probe.WaitUntilAsync("the late echo shows the reply sent", async () =>
            StaffReply(await MessagesAsync(staff, id))?.GetProperty("status").GetString() is "sent" or "delivered");
        Assert.That(await SendAuditAsync(staff, id), Is.EqualTo(new[] { AuditActions.Failed, AuditActions.Sent }));
    }
}
