using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using LeadOps.Benchmarks;
using LeadOps.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace LeadOps.IntegrationTests.Inbox;

/// <summary>
/// 20,000 conversations and 200,000 messages (with images and reactions) for one user: the list and a thread each take a fixed number of queries
/// whatever the page size (no query per row), and SQLite answers them from the list and thread indexes.
/// </summary>
[Category(TestCategories.Slow)]
public sealed class InboxScaleTests(DatabaseKind database) : AppFixture(database)
{
    private const int Conversations = 20_000;
    private const int MessagesPerConversation = 10;

    /// <summary>
    /// EF Core skips its diagnostic checks for up to a second after finding nobody listening (per pooled context), so a
    /// capture that starts listening mid-test could miss the very queries it counts: here EF checks every time.
    /// </summary>
    protected override TestAppBuilder Configure(TestAppBuilder app) =>
        app.WithServices(services => services.ConfigureDbContext<SqliteLeadOpsDbContext>(options => options.ConfigureLoggingCacheTime(TimeSpan.Zero)));

    [Test]
    public async Task The_list_and_a_thread_use_their_indexes_and_a_fixed_number_of_queries_at_20000_conversations()
    {
        if (Database != DatabaseKind.Sqlite)
        {
            Assert.Ignore("The bulk seeding and EXPLAIN QUERY PLAN here are SQLite's; SQL Server uses the same indexes from the same model.");
        }

        var user = await App.NewUserAsync();
        using var api = App.ApiClient(user);
        await SeedAsync(user.Id);

        using var capture = new SqlCapture();
        var firstPage = await TimedAsync(capture, () => api.GetFromJsonAsync<JsonElement>("/api/conversations?state=needs_human&page_size=200"));
        var listSql = capture.Take();
        await api.GetFromJsonAsync<JsonElement>("/api/conversations?state=needs_human&page_size=5");
        var smallListSql = capture.Take();

        Assert.Multiple(() =>
        {
            Assert.That(firstPage.Json.GetProperty("total").GetInt32(), Is.EqualTo(Conversations / 4));
            Assert.That(firstPage.Json.GetProperty("conversations").GetArrayLength(), Is.EqualTo(200));
            Assert.That(listSql, Has.Count.EqualTo(smallListSql.Count), "the same queries for 5 rows as for 200: none per row");
        });

        var waiting = firstPage.Json.GetProperty("conversations").EnumerateArray().Select(c => c.GetProperty("waiting_since").GetDateTimeOffset()).ToList();
        Assert.That(waiting, Is.Ordered, "longest waiting first");

        var id = firstPage.Json.GetProperty("conversations")[0].GetProperty("id").GetGuid();
        var thread = await TimedAsync(capture, () => api.GetFromJsonAsync<JsonElement>($"/api/conversations/{id}/messages"));
        var threadSql = capture.Take();
        // How fast is the benchmark's to say (docs/benchmarks.md); here: the same plan and queries at any size.
        Assert.That(thread.Json.GetProperty("messages").GetArrayLength(), Is.EqualTo(MessagesPerConversation));

        await api.GetFromJsonAsync<JsonElement>("/api/conversations");
        var defaultListSql = capture.Take();

        var listPlan = await PlanAsync(listSql.Single(s => s.Contains("ORDER BY", StringComparison.Ordinal) && s.Contains("\"Conversations\"", StringComparison.Ordinal)));
        var defaultListPlan = await PlanAsync(defaultListSql.Single(s => s.Contains("ORDER BY", StringComparison.Ordinal) && s.Contains("\"Conversations\"", StringComparison.Ordinal)));
        var threadPlan = await PlanAsync(threadSql.Single(s => s.Contains("ORDER BY", StringComparison.Ordinal) && s.Contains("\"MessengerMessages\"", StringComparison.Ordinal)));
        var attachmentsSql = threadSql.SingleOrDefault(s => s.Contains("FROM \"MessageAttachments\"", StringComparison.Ordinal));
        Assert.That(attachmentsSql, Is.Not.Null, "the thread's attachments are read in one query: " + string.Join(" ;; ", threadSql));
        var attachmentsPlan = await PlanAsync(attachmentsSql!);
        await TestContext.Out.WriteLineAsync($"list: {firstPage.Elapsed.TotalMilliseconds:0} ms, {listPlan}");
        await TestContext.Out.WriteLineAsync($"default list: {defaultListPlan}");
        await TestContext.Out.WriteLineAsync($"thread: {thread.Elapsed.TotalMilliseconds:0} ms, {threadPlan}");
        Assert.Multiple(() =>
        {
            Assert.That(listPlan, Does.Contain("IX_Conversations_OwnerId_State_InboxOrder_Id"), listPlan);
            Assert.That(listPlan, Does.Not.Contain("TEMP B-TREE"), "the page is read off the index in order: " + listPlan);
            Assert.That(defaultListPlan, Does.Contain("IX_Conversations_OwnerId_State_InboxOrder_Id"), defaultListPlan);
            Assert.That(defaultListPlan, Does.Not.Contain("TEMP B-TREE"), "all states, still no sort of the owner's conversations: " + defaultListPlan);
            Assert.That(threadPlan, Does.Contain("IX_MessengerMessages_ConversationId_At"), threadPlan);
            Assert.That(threadPlan, Does.Not.Contain("SCAN \"MessengerMessages\"").And.Not.Contain("SCAN m"), threadPlan);
            Assert.That(attachmentsPlan, Does.Contain("IX_MessageAttachments_MessageId_Position"), "the thread's images come off their index: " + attachmentsPlan);
            Assert.That(thread.Json.GetProperty("messages").EnumerateArray().Count(m => m.GetProperty("attachments").GetArrayLength() > 0), Is.EqualTo(InboxSeed.ImagesIn(MessagesPerConversation)));
        });
    }

    private static async Task<(T Json, TimeSpan Elapsed)> TimedAsync<T>(SqlCapture capture, Func<Task<T>> call)
    {
        await call(); // warm: compiled queries, connection pool
        capture.Take();
        var watch = Stopwatch.StartNew();
        var result = await call();
        return (result, watch.Elapsed);
    }

    /// <summary>Bulk rows straight into SQLite (the benchmark harness's seeding): a quarter of the conversations wait for a person.</summary>
    private Task SeedAsync(string ownerId) =>
        InboxSeed.SeedAsync(App.DatabaseConnectionString(), ownerId, integrationId: 1, pageId: "108240000000001", Conversations, MessagesPerConversation);

    private async Task<string> PlanAsync(string sql)
    {
        await using var connection = new SqliteConnection(App.DatabaseConnectionString());
        await connection.OpenAsync();
        var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(3));
        }

        return string.Join(" | ", lines);
    }

    /// <summary>Every SQL command EF runs in this process while it is alive (EF's diagnostic events).</summary>
    private sealed class SqlCapture : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private static readonly string[] Inbox = ["\"Conversations\"", "\"MessengerMessages\"", "\"MessageAttachments\"", "\"StoredFiles\""];
        private readonly ConcurrentQueue<string> _commands = new();
        private readonly List<IDisposable> _subscriptions = [];

        public SqlCapture() => _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));

        public List<string> Take()
        {
            var taken = new List<string>();
            while (_commands.TryDequeue(out var sql))
            {
                taken.Add(sql);
            }

            return taken;
        }

        public void OnNext(DiagnosticListener value)
        {
            if (value.Name == DbLoggerCategory.Name)
            {
                lock (_subscriptions)
                {
                    _subscriptions.Add(value.Subscribe(this));
                }
            }
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Key == RelationalEventId.CommandExecuted.Name && value.Value is CommandExecutedEventData data &&
                Inbox.Any(table => data.Command.CommandText.Contains(table, StringComparison.Ordinal)))
            {
                _commands.Enqueue(data.Command.CommandText);
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void Dispose()
        {
            lock (_subscriptions)
            {
                _subscriptions.ForEach(s => s.Dispose());
            }
        }
    }
}
