namespace LeadOps.Infrastructure.Scheduling;

/// <summary>When a node starts (after the migrations), runs a stopped process left Running and quiet are marked Interrupted.</summary>
internal sealed class InterruptedRunsAtStart(InterruptedRuns runs) : IStartupTask
{
    public Task RunAsync(CancellationToken cancellationToken) => runs.MarkAsync(cancellationToken);
}
