namespace LeadOps.Application.Leads.Commands;

/// <summary>
/// Starts a retrieval in the background for the Leads page: the run is recorded at once and the page follows its
/// progress, so a long backfill never hangs on a request that may time out. With <paramref name="SendWelcome"/> false
/// no new lead of the run is welcomed (staff saw beforehand how many would be: <see cref="Queries.PreviewRetrieval"/>).
/// </summary>
public sealed record StartRetrieval(int IntegrationId, string FormId, DateTimeOffset? Since, DateTimeOffset? Until, bool SendWelcome = true)
    : ICommand<Result<long>>, IRetrievalRequest;

public sealed class StartRetrievalValidator : RetrievalRequestValidator<StartRetrieval>;

internal sealed class StartRetrievalHandler(
    IIntegrationRepository integrations,
    IRetrievalRunRepository runs,
    IRetrievalQueue queue,
    ICurrentUser currentUser,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : ICommandHandler<StartRetrieval, Result<long>>
{
    public async ValueTask<Result<long>> Handle(StartRetrieval command, CancellationToken cancellationToken)
    {
        var integration = await integrations.GetAsync(command.IntegrationId, cancellationToken);
        if (RetrievalRefusal.Refuses(integration, out Result<long>? refusal))
        {
            return refusal;
        }

        if (integration.Forms.All(f => f.FormId != command.FormId))
        {
            return Result<long>.NotFound(RetrievalRefusal.IntegrationNotFound);
        }

        var run = RetrievalRun.Start(integration.Id, command.FormId, clock.GetUtcNow());
        run.Describe(integration.Forms.First(f => f.FormId == command.FormId).Name, RetrievalTrigger.Manual, command.Since, command.Until);
        runs.Add(run);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        queue.Enqueue(currentUser.RequiredUserId, new RetrieveFacebookLeads(integration.Id, command.FormId, command.Since, command.Until, RetrievalTrigger.Manual, run.Id, command.SendWelcome));
        return Result<long>.Ok(run.Id);
    }
}
