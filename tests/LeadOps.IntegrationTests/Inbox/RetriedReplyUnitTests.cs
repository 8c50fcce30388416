using System.Net.Http.Json;
using System.Text.Json;
using LeadOps.Application.Common;
using LeadOps.Application.Common.Audit;
using LeadOps.GraphSandbox;
using LeadOps.Infrastructure.Persistence;
using LeadOps.IntegrationTests.Inbox.Support;
using Microsoft.Extensions.DependencyInjection;

namespace LeadOps.IntegrationTests.Inbox;

/// <summary>
/// A failed send's outcome recorded by a unit of work the database runs twice, as SQL Server's retry of a transient
/// failure does (SQLite never retries, so the app here runs each unit once more on purpose: its first run records the
/// outcome and is rolled back before it saves). The outcome is audited once, as the run that committed saw it.
/// </summary>
public sealed class RetriedReplyUnitTests(DatabaseKind database) : InboxFixture(database)
{
    private readonly RunTwice _runTwice = new();

    protected override TestAppBuilder Configure(TestAppBuilder app) => base.Configure(app).WithServices(services =>
        services.AddScoped<IUnitOfWork>(sp => new RunTwiceUnitOfWork(sp.GetRequiredService<LeadOpsDbContext>(), _runTwice)));

    [Test]
    public async Task A_failed_send_whose_unit_is_run_again_is_audited_failed_once()
    {
        var staff = await NewStaffAsync();
        var id = await CustomerWritesAsync(staff, NewPsid(), "Is parking free?");
        Meta.SetFault(new FaultRule { Route = FaultRoutes.Messages, PageId = SandboxSeed.MainPageId, Kind = FaultKind.TokenExpired, Times = 1 });

        _runTwice.Armed = true;
        JsonElement answer;
        try
        {
            var reply = await staff.Api.PostAsJsonAsync($"/api/conversations/{id}/messages", new { text = "It is, behind the shop." });
            answer = await reply.Content.ReadFromJsonAsync<JsonElement>();
        }
        finally
        {
            _runTwice.Armed = false;
        }

        var audited = await SendAuditAsync(staff, id);
        Assert.Multiple(() =>
        {
            Assert.That(_runTwice.Ran, Is.True, "the send's outcome was recorded by a unit run twice");
            Assert.That(answer.GetProperty("status").GetString(), Is.EqualTo("failed"), answer.ToString());
            Assert.That(audited, Is.EqualTo(new[] { AuditActions.Failed }), "one failed row, not one per run");
        });
    }

    private sealed class RunTwice
    {
        public bool Armed { get; set; }

        public bool Ran { get; set; }
    }

    /// <summary>The app's unit of work, whose units run once in a transaction rolled back before saving, then for real.</summary>
    private sealed class RunTwiceUnitOfWork(LeadOpsDbContext db, RunTwice runTwice) : IUnitOfWork
    {
        private readonly UnitOfWork _inner = new(db);

        public Task SaveChangesAsync(CancellationToken cancellationToken) => _inner.SaveChangesAsync(cancellationToken);

        public async Task SaveChangesAsync(Func<CancellationToken, Task> storeFirst, CancellationToken cancellationToken)
        {
            if (runTwice.Armed)
            {
                runTwice.Ran = true;
                await using (var failedRun = await db.Database.BeginTransactionAsync(cancellationToken))
                {
                    await storeFirst(cancellationToken);
                    await failedRun.RollbackAsync(cancellationToken);
                }
            }

            await _inner.SaveChangesAsync(storeFirst, cancellationToken);
        }
    }
}
