namespace LeadOps.TestSupport;

/// <summary>
/// What a <see cref="TestApp"/> talks to, and which of it the app started itself (and so stops): a sandbox or Redis
/// handed in by the test (to share between two apps) belongs to the test.
/// </summary>
internal sealed class TestAppParts : IAsyncDisposable
{
    public GraphSandboxServer? Sandbox { get; set; }

    public bool OwnsSandbox { get; set; }

    public WebhookReceiver? Webhooks { get; set; }

    public SmtpSink? Smtp { get; set; }

    public RedisServer? Redis { get; set; }

    public bool OwnsRedis { get; set; }

    /// <summary>The sandbox first, so no webhook is on its way in while the app stops.</summary>
    public async Task DisposeSandboxAsync()
    {
        if (OwnsSandbox && Sandbox is not null)
        {
            await Sandbox.DisposeAsync();
        }

        if (Webhooks is not null)
        {
            await Webhooks.DisposeAsync();
        }
    }

    public async Task DisposeServersAsync()
    {
        if (Smtp is not null)
        {
            await Smtp.DisposeAsync();
        }

        if (OwnsRedis && Redis is not null)
        {
            await Redis.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await DisposeSandboxAsync();
        await DisposeServersAsync();
    }
}
