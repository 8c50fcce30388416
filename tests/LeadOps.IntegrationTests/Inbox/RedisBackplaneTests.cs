using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using LeadOps.Application.Conversations;
using LeadOps.IntegrationTests.Inbox.Support;
using LeadOps.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LeadOps.IntegrationTests.Inbox;

/// <summary>
/// Two web nodes over one database and one Redis server (Debian's redis-server on 127.0.0.1): a change saved on one
/// node reaches an Inbox connected to the other. Skipped with the reason where redis-server is missing;
/// LEADOPS_REQUIRE_REDIS=1 makes that a failure.
/// </summary>
public sealed class RedisBackplaneTests
{
    private const string RedisServer = "/usr/bin/redis-server";

    [Test]
    public async Task A_change_on_one_node_reaches_an_inbox_open_on_another_node()
    {
        if (!File.Exists(RedisServer))
        {
            const string reason = "redis-server is not installed (apt-get install redis-server)";
            if (Environment.GetEnvironmentVariable("LEADOPS_REQUIRE_REDIS") == "1")
            {
                Assert.Fail(reason + "; LEADOPS_REQUIRE_REDIS=1 requires it.");
            }

            Assert.Ignore(reason);
        }

        var port = FreePort();
        using var redis = Process.Start(new ProcessStartInfo(RedisServer, $"--port {port} --bind 127.0.0.1 --save \"\" --appendonly no")
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        })!;
        try
        {
            await WaitForPortAsync(port);
            var database = await LeadOpsFactory.NewDatabaseAsync(DatabaseKind.Sqlite);
            var settings = new Dictionary<string, string?> { ["SignalR:Redis"] = $"127.0.0.1:{port}" };
            await using var nodeA = new LeadOpsFactory(DatabaseKind.Sqlite, database, settings);
            _ = nodeA.Server;
            await using var nodeB = new LeadOpsFactory(DatabaseKind.Sqlite, database, settings);
            _ = nodeB.Server;
            var user = await nodeA.CreateAsync();
            await using var inboxOnB = await InboxProbe.ConnectAsync(nodeB, user);
            var conversation = Guid.NewGuid();

            await nodeA.Services.GetRequiredService<IInboxNotifier>()
                .NotifyAsync(new LeadOps.Application.Conversations.InboxChange(user.Id, conversation, InboxChangeKind.MessageReceived), CancellationToken.None);

            var change = await inboxOnB.WaitForAsync("the change from node A", () => Task.FromResult(inboxOnB.Changes.FirstOrDefault(c => c.ConversationId == conversation)));
            Assert.That(change.Kind, Is.EqualTo("message_received"));
        }
        finally
        {
            redis.Kill();
            await redis.WaitForExitAsync();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task WaitForPortAsync(int port)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port, timeout.Token);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50, timeout.Token);
            }
        }
    }
}
