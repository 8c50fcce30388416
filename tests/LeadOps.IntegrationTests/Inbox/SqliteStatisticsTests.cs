using LeadOps.Benchmarks;
using LeadOps.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LeadOps.IntegrationTests.Inbox;

/// <summary>
/// A SQLite connection plans with the statistics it read when it opened. Rows that arrive after the app started (here
/// a bulk import with no ANALYZE) leave the app's connections planning as for empty tables, until the statistics
/// refresh analyses the tables and has every pooled connection open again (ADR 0025).
/// </summary>
public sealed class SqliteStatisticsTests(DatabaseKind database) : AppFixture(database)
{
    private const int Connections = 3;

    private const string ThreadCount =
        "SELECT COUNT(*) FROM \"MessengerMessages\" AS \"m\" WHERE \"m\".\"OwnerId\" = @owner AND \"m\".\"ConversationId\" = @conversation";

    [Test]
    public async Task After_rows_arrive_behind_the_app_the_refresh_puts_its_connections_back_on_the_thread_index()
    {
        if (Database != DatabaseKind.Sqlite)
        {
            Assert.Ignore("Planner statistics per connection are SQLite's; SQL Server keeps its statistics itself.");
        }

        var user = await App.NewUserAsync();
        var before = await PlansThroughTheAppAsync();
        await InboxSeed.SeedAsync(App.DatabaseConnectionString(), user.Id, integrationId: 1, pageId: "108240000000001", conversations: 2_000, messagesPerConversation: 10, analyze: false);
        var stale = await PlansThroughTheAppAsync();

        bool refreshed;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            refreshed = await scope.ServiceProvider.GetRequiredService<SqliteStatistics>()
                .RefreshAsync(scope.ServiceProvider.GetRequiredService<LeadOpsDbContext>(), CancellationToken.None);
        }

        var after = await PlansThroughTheAppAsync();
        bool again;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            again = await scope.ServiceProvider.GetRequiredService<SqliteStatistics>()
                .RefreshAsync(scope.ServiceProvider.GetRequiredService<LeadOpsDbContext>(), CancellationToken.None);
        }

        Assert.Multiple(() =>
        {
            Assert.That(before, Has.None.Contain("IX_MessengerMessages_ConversationId_At"), "with no statistics the owner's index looks as good");
            Assert.That(stale, Is.EqualTo(before), "20,000 new messages do not change a plan by themselves");
            Assert.That(refreshed, Is.True, "the refresh analysed the grown tables and cleared the pool");
            Assert.That(after, Has.All.Contain("IX_MessengerMessages_ConversationId_At"), "every pooled connection counts one thread off its own index");
            Assert.That(again, Is.False, "nothing changed since: the pool is left alone");
        });
    }

    /// <summary>
    /// EXPLAIN QUERY PLAN on <see cref="Connections"/> connections of the app's own pool (through its DbContext), held
    /// open together so that each is a different pooled connection.
    /// </summary>
    private async Task<List<string>> PlansThroughTheAppAsync()
    {
        var scopes = Enumerable.Range(0, Connections).Select(_ => App.Services.CreateAsyncScope()).ToList();
        try
        {
            var plans = new List<string>();
            foreach (var scope in scopes)
            {
                var db = scope.ServiceProvider.GetRequiredService<LeadOpsDbContext>();
                await db.Database.OpenConnectionAsync();
                await using var command = db.Database.GetDbConnection().CreateCommand();
                command.CommandText = "EXPLAIN QUERY PLAN " + ThreadCount;
                foreach (var name in new[] { "@owner", "@conversation" })
                {
                    var parameter = command.CreateParameter();
                    parameter.ParameterName = name;
                    parameter.Value = "x";
                    command.Parameters.Add(parameter);
                }

                var lines = new List<string>();
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    lines.Add(reader.GetString(3));
                }

                plans.Add(string.Join(" | ", lines));
            }

            return plans;
        }
        finally
        {
            foreach (var scope in scopes)
            {
                await scope.DisposeAsync();
            }
        }
    }
}
