using LeadOps.Application.Common.Security;
using LeadOps.Application.Leads.Commands;
using LeadOps.Infrastructure.Common;
using LeadOps.Infrastructure.Leads;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace LeadOps.UnitTests.Leads;

public sealed class RetrievalWorkerTests
{
    [Test]
    public async Task A_run_whose_failure_cannot_be_recorded_does_not_stop_the_worker_for_the_runs_after_it()
    {
        // The database is unavailable: the run fails, and so does marking it failed (it goes quiet and is marked
        // Interrupted later). The worker must go on to the next run instead of ending (which stops the host).
        var calls = 0;
        var third = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var scopes = new Mock<IOwnerScopeFactory>();
        scopes.Setup(s => s.CreateScope(It.IsAny<string>())).Returns(() =>
        {
            if (Interlocked.Increment(ref calls) >= 3)
            {
                third.TrySetResult();
            }

            throw new InvalidOperationException("database unavailable");
        });
        using var worker = new RetrievalWorker(scopes.Object, new WorkerHealth(TimeProvider.System), TimeProvider.System, NullLogger<RetrievalWorker>.Instance);
        worker.Enqueue("owner-1", new RetrieveFacebookLeads(1, "form-1", RunId: 11));
        worker.Enqueue("owner-1", new RetrieveFacebookLeads(1, "form-2", RunId: 12));

        await worker.StartAsync(CancellationToken.None);
        try
        {
            var reached = await Task.WhenAny(third.Task, worker.ExecuteTask!, Task.Delay(TimeSpan.FromSeconds(60)));
            Assert.That(reached, Is.SameAs(third.Task), $"the second run was never taken up; the worker {(worker.ExecuteTask!.IsFaulted ? "ended on " + worker.ExecuteTask.Exception!.InnerException!.Message : "stalled")}");
        }
        finally
        {
            await worker.StopAsync(CancellationToken.None);
        }
    }
}
