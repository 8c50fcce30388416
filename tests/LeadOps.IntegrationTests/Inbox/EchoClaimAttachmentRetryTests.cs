using LeadOps.Application.Conversations;
using LeadOps.GraphSandbox;
using LeadOps.IntegrationTests.Inbox.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LeadOps.IntegrationTests.Inbox;

/// <summary>
/// An echo that claims a LeadOps reply (ADR 0007) and whose attachment cannot be copied on the first try: the claim
/// and the copy are one save, so the webhook delivery's retry finds the reply still unclaimed and finishes both, instead
/// of skipping the echo as stored already and losing its attachment.
/// </summary>
public sealed class EchoClaimAttachmentRetryTests(DatabaseKind database) : InboxFixture(database)
{
    private readonly FailsOnceFetcher _fetcher = new();

    protected override TestAppBuilder Configure(TestAppBuilder app) =>
        base.Configure(app).WithServices(services => services.AddScoped<IAttachmentFetcher>(_ => _fetcher));

    /// <summary>
    /// The sandbox posts its webhooks half a second late (real time), as Meta and a loaded machine may: its echo of the
    /// reply is still on its way when the reply's answer comes back, and must not reach the app then.
    /// </summary>
    protected override SandboxOptions SandboxOptions()
    {
        var options = base.SandboxOptions();
        options.WebhookDelay = TimeSpan.FromMilliseconds(500);
        return options;
    }

    [Test]
    public async Task A_copy_that_fails_after_the_echo_found_its_reply_is_finished_by_the_retry()
    {
        var (staff, psid, id) = await ConversationAsync("Can you send a photo of the bike?");
        const string Text = "Here it is.";
        Meta.SetFault(new FaultRule { Route = FaultRoutes.Messages, PageId = SandboxSeed.MainPageId, Kind = FaultKind.DoneButInvalidReply, Times = 1 });
        var answer = await ReplyWithoutSandboxWebhooksAsync(staff, id, Text); // the sandbox's own echo stays away: the test posts Meta's
        Assert.That(answer.GetProperty("status").GetString(), Is.EqualTo("sending"), answer.ToString());

        var mid = await PostOwnEchoAsync(psid, "m_reply_", Text, """[{"type":"image","payload":{"url":"https://scontent.example/bike.jpg"}}]""");

        // The first copy fails (the connection dropped): the delivery is put off for a retry.
        await HangGuard.UntilAsync("the echo's first attempt failed", async ct =>
        {
            await using var scope = App.Services.CreateAsyncScope();
            return await App.Db(scope).WebhookDeliveries.AnyAsync(d => d.Body.Contains(mid) && d.Attempts == 1 && d.LastError != null, ct);
        });
        Assert.That(_fetcher.Calls, Is.EqualTo(1));

        Clock.Advance(TimeSpan.FromHours(1));
        await App.DrainAsync();

        var reply = StaffReply(await MessagesAsync(staff, id))!.Value;
        var thread = await MessagesAsync(staff, id);
        Assert.Multiple(() =>
        {
            Assert.That(reply.GetProperty("mid").GetString(), Is.EqualTo(mid), "the echo claimed the reply");
            var attachments = reply.GetProperty("attachments").EnumerateArray().ToList();
            Assert.That(attachments.Select(a => a.GetProperty("type").GetString()), Is.EqualTo(new[] { "image" }), "the echo's image is kept on the reply");
            Assert.That(attachments.Select(a => a.TryGetProperty("file_url", out var url) ? url.GetString() : null), Has.None.Null, "and copied by the retry");
            Assert.That(thread.Count(m => m.GetProperty("text").GetString() == Text), Is.EqualTo(1), "the echo is the reply, not a second message");
            Assert.That(_fetcher.Calls, Is.EqualTo(2));
        });
    }

    /// <summary>Meta's files: the echo's image loses the connection the first time and is fetched after; any other file is fetched.</summary>
    private sealed class FailsOnceFetcher : IAttachmentFetcher
    {
        private int _calls;

        public int Calls => _calls;

        public Task<FetchedFile> FetchAsync(string url, long maxBytes, CancellationToken cancellationToken) =>
            url.EndsWith("/bike.jpg", StringComparison.Ordinal) && Interlocked.Increment(ref _calls) == 1
                ? Task.FromException<FetchedFile>(new IOException("The connection was reset."))
                : Task.FromResult(new FetchedFile(FetchOutcome.Fetched, new byte[120], "image/jpeg", "file.jpg"));
    }
}
