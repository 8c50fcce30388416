using LeadOps.Application.Conversations;
using LeadOps.IntegrationTests.Inbox.Support;
using Microsoft.Extensions.DependencyInjection;

namespace LeadOps.IntegrationTests.Inbox;

/// <summary>
/// Two web nodes over one database and one Redis server (Debian's redis-server on 127.0.0.1): a change saved on one
/// node reaches an Inbox connected to the other. Skipped with the reason where redis-server is missing;
/// LEADOPS_REQUIRE_REDIS=1 makes that a failure.
/// </summary>
[Category(TestCategories.Slow)]
public sealed class RedisBackplaneTests
{
    [Test]
    public async Task A_change_on_one_node_reaches_an_inbox_open_on_another_node()
    {
        await using var nodeA = await TestApp.Create(DatabaseKind.Sqlite).WithRedis().StartAsync();
        await using var nodeB = await TestApp.Create(DatabaseKind.Sqlite).OnDatabase(nodeA.ConnectionString).WithSharedRedis(nodeA.Redis).StartAsync();
        var user = await nodeA.NewUserAsync();
        await using var inboxOnB = await InboxProbe.ConnectAsync(nodeB, user);
        var conversation = Guid.NewGuid();

        await nodeA.Services.GetRequiredService<IInboxNotifier>()
            .NotifyAsync(new LeadOps.Application.Conversations.InboxChange(user.Id, conversation, InboxChangeKind.MessageReceived), CancellationToken.None);

        var change = await inboxOnB.WaitForAsync("the change from node A", () => Task.FromResult(inboxOnB.Changes.FirstOrDefault(c => c.ConversationId == conversation)));
        Assert.That(change.Kind, Is.EqualTo("message_received"));
    }
}
