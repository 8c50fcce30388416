using System.Globalization;
using System.Net;
using LeadOps.Infrastructure.Persistence;
using LeadOps.Web.Api.Webhook;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LeadOps.IntegrationTests.Leads;

/// <summary>
/// A webhook body is read whole before its signature can be checked, and a well-formed signature can be made up: the
/// bodies being read at once share one bound (<c>Webhooks:ReceiveBufferBytes</c>), here its least, 16 MiB.
/// </summary>
public sealed class WebhookReceiveBudgetTests(DatabaseKind database) : AppFixture(database)
{
    private const int Budget = WebhookEndpoints.MaxBodyBytes;

    protected override TestAppBuilder Configure(TestAppBuilder app) =>
        app.WithSandbox(new() { InitialLeadsPerForm = 0 }).WithSetting("Webhooks:ReceiveBufferBytes", Budget.ToString(CultureInfo.InvariantCulture));

    [Test]
    public async Task While_a_stranger_holds_the_budget_a_delivery_is_answered_503_and_stored_when_meta_sends_it_again()
    {
        var budget = App.Services.GetRequiredService<WebhookReceiveBudget>();
        var before = await DeliveryCountAsync();
        var delivery = """{"object":"page","entry":[{"id":"999000222","time":1733400000000,"messaging":[]}]}""";

        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stranger = App.NewClient();
        var strangerAnswer = stranger.SendAsync(Forged(new HeldBody(15 * 1024 * 1024, gate.Task)));
        await HangGuard.UntilAsync("the stranger's unsigned body to hold the whole budget", _ => Task.FromResult(budget.InUse == Budget));

        using var meta = App.NewClient();
        var refused = await WebhookTests.PostSignedAsync(meta, delivery, Graph.Options.AppSecret);
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable), "no room: Meta is asked to send it again");
        Assert.That(await DeliveryCountAsync(), Is.EqualTo(before));

        gate.SetResult();
        Assert.That((await strangerAnswer).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "the made-up signature is refused once the body is read");
        await HangGuard.UntilAsync("the stranger's buffer to be given back", _ => Task.FromResult(budget.InUse == 0));

        var retried = await WebhookTests.PostSignedAsync(meta, delivery, Graph.Options.AppSecret);
        Assert.That(retried.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await DeliveryCountAsync(), Is.EqualTo(before + 1));
    }

    [Test]
    public async Task A_budget_smaller_than_one_delivery_of_the_largest_size_stops_the_app_from_starting()
    {
        var start = TestApp.Create(DatabaseKind.Sqlite).WithSetting("Webhooks:ReceiveBufferBytes", (Budget - 1).ToString(CultureInfo.InvariantCulture)).StartAsync();
        var ex = Assert.ThrowsAsync<OptionsValidationException>(async () => await start);
        Assert.That(ex!.Message, Does.Contain("ReceiveBufferBytes"));
    }

    [Test]
    public async Task A_body_that_does_not_arrive_whole_in_time_is_answered_408_and_gives_its_buffer_back()
    {
        await using var app = await TestApp.Create(DatabaseKind.Sqlite).WithSetting("Facebook:AppSecret", "a-secret-the-stranger-does-not-know").WithSetting("Webhooks:ReceiveTimeout", "00:00:01").StartAsync();
        var budget = app.Services.GetRequiredService<WebhookReceiveBudget>();
        var never = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stranger = app.NewClient();
        using var answer = await HangGuard.WaitAsync("the slow body's answer", ct => stranger.SendAsync(Forged(new HeldBody(64 * 1024, never.Task)), ct));
        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.RequestTimeout), "the body never ends: its deadline answers it");
        await HangGuard.UntilAsync("the slow body's buffer to be given back", _ => Task.FromResult(budget.InUse == 0));
    }

    /// <summary>A POST of <paramref name="body"/> with a made-up (well-formed) signature, as from <paramref name="forwardedFor"/> when given.</summary>
    internal static HttpRequestMessage Forged(Stream body, string? forwardedFor = null)
    {
        var content = new StreamContent(body);
        content.Headers.ContentType = new("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhook") { Content = content };
        request.Headers.TryAddWithoutValidation("X-Hub-Signature-256", "sha256=" + new string('0', 64));
        if (forwardedFor is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Forwarded-For", forwardedFor);
        }

        return request;
    }

    private async Task<int> DeliveryCountAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LeadOpsDbContext>().WebhookDeliveries.CountAsync();
    }

    /// <summary>A body that sends <paramref name="length"/> bytes, then waits for <paramref name="end"/> before it ends.</summary>
    internal sealed class HeldBody(int length, Task end) : Stream
    {
        private int _sent;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _sent; set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_sent == length)
            {
                await end.WaitAsync(cancellationToken);
                return 0;
            }

            var count = Math.Min(buffer.Length, length - _sent);
            buffer.Span[..count].Fill((byte)'x');
            _sent += count;
            return count;
        }

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
