using System.Net.Http.Json;
using System.Text.Json;
using LeadOps.Application.Common.Audit;
using LeadOps.GraphSandbox;
using LeadOps.Infrastructure.Graph;
using LeadOps.IntegrationTests.Inbox.Support;
using Microsoft.Extensions.DependencyInjection;

namespace LeadOps.IntegrationTests.Inbox;

/// <summary>
/// A reply Meta sent but answered with Messenger's "Received invalid JSON reply." (1 / 1357046, the sandbox's
/// <see cref="FaultKind.DoneButInvalidReply"/>: the message goes out and its echo follows, then the error comes back). When
/// Meta's echo shows the reply sent before that answer is read, the reply answers as sent, with the echo's id, as after a
/// timeout (<see cref="EchoBeforeSendAnswerTests"/>), never as Sending without a confirmation. The error is held on its way
/// back to the app's Graph client until the test has seen the echo: the order is the test's, not the clock's.
/// </summary>
public sealed class EchoBeforeInvalidJsonReplyTests(DatabaseKind database) : InboxFixture(database)
{
    private readonly AnswerGate _gate = new();

    protected override TestAppBuilder Configure(TestAppBuilder app) => base.Configure(app).WithServices(services =>
        services.AddHttpClient(GraphServiceCollectionExtensions.HttpClientName).AddHttpMessageHandler(() => new AnswerGate.Holding(_gate)));

    [Test]
    public async Task A_reply_whose_echo_arrives_before_its_invalid_json_reply_answers_sent_and_is_audited_once_as_sent()
    {
        var (staff, psid, id) = await ConversationAsync("Can I collect it tomorrow?");
        Meta.SetFault(new FaultRule { Route = FaultRoutes.Messages, PageId = SandboxSeed.MainPageId, Kind = FaultKind.DoneButInvalidReply, Times = 1 });
        _gate.HoldNextSendAnswer();

        var replying = ReplyAsync(staff, id, "Yes, from 9 to 5.");
        await staff.Probe.WaitUntilAsync("Meta's echo shows the reply sent while its error answer is held", async () =>
            StaffReply(await MessagesAsync(staff, id)) is { } reply && reply.GetProperty("status").GetString() is "sent" or "delivered");
        var replyId = StaffReply(await MessagesAsync(staff, id))!.Value.GetProperty("id").GetInt64();
        _gate.Release();
        var answer = await replying;

        // The reply's own pushes: its writing, then how its send ended (a status change would contradict the echo).
        await staff.Probe.WaitUntilAsync("the push of how the send ended", () => Task.FromResult(staff.Probe.Changes.Count(c => c.MessageId == replyId) >= 2));
        var sent = SentTo(psid).Single();
        var stored = StaffReply(await MessagesAsync(staff, id))!.Value;
        var audited = await SendAuditAsync(staff, id);
        Assert.Multiple(() =>
        {
            Assert.That(_gate.Held, Is.True, "Meta's error answer was held until the echo was seen");
            Assert.That(answer.GetProperty("success").GetBoolean(), Is.True, answer.ToString());
            Assert.That(answer.GetProperty("status").GetString(), Is.AnyOf("sent", "delivered"), answer.ToString());
            Assert.That(answer.TryGetProperty("mid", out var mid) ? mid.GetString() : null, Is.EqualTo(sent.MessageId), "the id Meta's echo gave it");
            Assert.That(answer.GetProperty("error").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(stored.GetProperty("status").GetString(), Is.AnyOf("sent", "delivered"));
            Assert.That(audited, Is.EqualTo(new[] { AuditActions.Sent }), "no unconfirmed row for a reply the echo showed sent");
            Assert.That(staff.Probe.Changes.Where(c => c.MessageId == replyId).Select(c => c.Kind), Has.None.EqualTo("message_status"), "no push that moves it back");
            Assert.That(SendApiCalls(), Is.EqualTo(1), "sent once");
        });
    }

    /// <summary>Holds the answer to the next Send API call, once asked to, until <see cref="Release"/>.</summary>
    private sealed class AnswerGate
    {
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _armed;

        public bool Held { get; private set; }

        public void HoldNextSendAnswer() => Interlocked.Exchange(ref _armed, 1);

        public void Release() => _released.TrySetResult();

        internal sealed class Holding(AnswerGate gate) : DelegatingHandler
        {
            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                var response = await base.SendAsync(request, cancellationToken);
                if (request.Method == HttpMethod.Post && request.RequestUri!.AbsolutePath.EndsWith("/messages", StringComparison.Ordinal) &&
                    Interlocked.Exchange(ref gate._armed, 0) == 1)
                {
                    gate.Held = true;
                    await gate._released.Task.WaitAsync(cancellationToken);
                }

                return response;
            }
        }
    }
}
