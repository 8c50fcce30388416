using Quartz;

namespace LeadOps.Infrastructure.Scheduling;

/// <summary>The Quartz job: one at a time, and on SQL Server one node at a time (clustered job store).</summary>
[DisallowConcurrentExecution]
internal sealed class ScheduledRetrievalJob(ScheduledRetrieval retrieval) : IJob
{
    public static readonly JobKey Key = new("scheduled-retrieval", "leads");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await retrieval.RunDueAsync(cancellationToken);
}
