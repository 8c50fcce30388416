namespace LeadOps.Application.Leads.Commands;

/// <summary>
/// Starts a retrieval in the background for the Leads page: the run is recorded at once and the page follows its
/// progress, so a long backfill never hangs on a request that may time out. With <paramref name="SendWelcome"/> false
/// no new lead of the run is welcomed (staff saw beforehand how many would be: <see cref="Queries.PreviewRetrieval"/>).
/// A form with a run still under way (queued or running, its heartbeat not quiet) is not started again: one run per
/// form at a time keeps the shared queue bounded, so one user's repeated posts cannot hold back everyone's retrievals.
/// The run is stored as the form's one run under way in a single step (<see cref="IRetrievalRunRepository.StartAsync"/>,
/// by <see cref="RetrievalStarter"/>), so two posts at the same moment, or a post and the schedule, never both start one.
/// </summary>
public sealed record StartRetrieval(int IntegrationId, string FormId, DateTimeOffset? Since, DateTimeOffset? Until, bool SendWelcome = true)
    : ICommand<Result<long>>, IRetrievalRequest;

public sealed class StartRetrievalValidator : RetrievalRequestValidator<StartRetrieval>;

internal sealed class StartRetrievalHandler(IntegrationAccess access, RetrievalStarter starter)
    : ICommandHandler<StartRetrieval, Result<long>>
{
    public async ValueTask<Result<long>> Handle(StartRetrieval command, CancellationToken cancellationToken) =>
        await access.ForRetrievalAsync(
            command,
            (integration, form) => starter.StartAsync(integration, form, new RetrievalPlan(command.Since, command.Until, RetrievalTrigger.Manual, SendWelcome: command.SendWelcome), cancellationToken),
            cancellationToken);
}
