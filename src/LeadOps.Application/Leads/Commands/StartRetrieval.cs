namespace LeadOps.Application.Leads.Commands;

/// <summary>
/// Starts a retrieval in the background for the Leads page: the run is recorded at once and the page follows its
/// progress, so a long backfill never hangs on a request that may time out. With <paramref name="SendWelcome"/> false
/// no new lead of the run is welcomed (staff saw beforehand how many would be: <see cref="Queries.PreviewRetrieval"/>).
/// A form with a run still under way (queued or running, its heartbeat not quiet) is not started again: one run per
/// form at a time keeps the shared queue bounded, so one user's repeated posts cannot hold back everyone's retrievals.
/// </summary>
public sealed record StartRetrieval(int IntegrationId, string FormId, DateTimeOffset? Since, DateTimeOffset? Until, bool SendWelcome = true)
    : ICommand<Result<long>>, IRetrievalRequest;

public sealed class StartRetrievalValidator : RetrievalRequestValidator<StartRetrieval>;

internal sealed class StartRetrievalHandler(IntegrationAccess access, IRetrievalRunRepository runs, IRetrievalQueue queue, ICurrentUser currentUser)
    : ICommandHandler<StartRetrieval, Result<long>>
{
    public const string AlreadyUnderWay = "A retrieval of this form is already under way";

    public async ValueTask<Result<long>> Handle(StartRetrieval command, CancellationToken cancellationToken) =>
        await access.ForRetrievalAsync(command, async (integration, form) =>
        {
            if (await runs.UnderWayAsync(integration.Id, command.FormId, access.Now, cancellationToken) is { } underWay)
            {
                return Result<long>.Conflict(AlreadyUnderWay, $"run {underWay.Id} has not finished yet; its page shows its progress. Start another once it has finished.");
            }

            var run = RetrievalRun.Start(integration.Id, command.FormId, access.Now);
            run.Describe(form.Name, RetrievalTrigger.Manual, command.Since, command.Until);
            runs.Add(run);
            await access.SaveAsync(cancellationToken);
            queue.Enqueue(currentUser.RequiredUserId, new RetrieveFacebookLeads(integration.Id, command.FormId, command.Since, command.Until, RetrievalTrigger.Manual, run.Id, command.SendWelcome));
            return Result<long>.Ok(run.Id);
        }, cancellationToken);
}
