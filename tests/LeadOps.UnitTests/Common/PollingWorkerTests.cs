using LeadOps.Infrastructure.Common;
using Microsoft.Extensions.Logging.Abstractions;

namespace LeadOps.UnitTests.Common;

public sealed class PollingWorkerTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>In a script: the pass times out (as an HTTP call's timeout does) while the host is not stopping.</summary>
    private const int Timeout = -1;

    [Test]
    public async Task Failed_rounds_are_reported_and_the_next_round_drains_all_due_work()
    {
        var health = new WorkerHealth(TimeProvider.System);
        var signal = new TestSignal();
        var worker = new ScriptedWorker(signal, health, [null, Timeout, 2, 1, 0]);

        await worker.StartAsync(CancellationToken.None);
        try
        {
            var failed = await BeatAsync(health, b => b.LastError is not null);
            Assert.That(failed.LastError, Is.EqualTo(nameof(InvalidOperationException)));

            // The poll interval is an hour: only the signal starts the next round. A timeout inside the round is a
            // failed round too, not the end of the worker.
            signal.Wake();
            var timedOut = await BeatAsync(health, b => b.LastError == nameof(TaskCanceledException));
            Assert.That(timedOut.Detail, Is.Null);

            signal.Wake();
            var drained = await BeatAsync(health, b => b.LastError is null);
            Assert.Multiple(() =>
            {
                Assert.That(drained.Detail, Is.EqualTo("3 handled in the last round"));
                Assert.That(worker.Calls, Is.EqualTo(5), "two failed passes, then passes until one finds nothing");
            });
        }
        finally
        {
            await worker.StopAsync(CancellationToken.None);
        }
    }

    private static async Task<WorkerBeat> BeatAsync(WorkerHealth health, Func<WorkerBeat, bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            if (health.Snapshot().SingleOrDefault(b => b.Worker == ScriptedWorker.WorkerName) is { } beat && condition(beat))
            {
                return beat;
            }

            await Task.Delay(10);
        }

        throw new TimeoutException("The worker did not report the expected round.");
    }

    private sealed class TestSignal : WorkerSignal;

    /// <summary>Each pass takes the next scripted answer: a count of items handled, null to fail, or <see cref="Timeout"/>.</summary>
    private sealed class ScriptedWorker(WorkerSignal signal, WorkerHealth health, int?[] script)
        : PollingWorker(signal, health, NullLogger.Instance)
    {
        public const string WorkerName = "scripted";
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        protected override string Name => WorkerName;

        public override Task<int> ProcessDueAsync(CancellationToken cancellationToken)
        {
            var call = Interlocked.Increment(ref _calls) - 1;
            var answer = call < script.Length ? script[call] : 0;
            return answer switch
            {
                null => throw new InvalidOperationException("scripted failure"),
                Timeout => throw new TaskCanceledException("scripted timeout"),
                { } handled => Task.FromResult(handled),
            };
        }

        protected override Task ExecuteAsync(CancellationToken stoppingToken) => PollAsync(TimeSpan.FromHours(1), stoppingToken);
    }
}
