namespace LeadOps.Application.Leads.Commands;

/// <summary>
/// Pulls one form's leads back from Graph (paged, optionally by date range), stores the new ones once with their
/// welcome outbox rows, and reports what was new, what already existed and what failed. Manual, scheduled and
/// background runs all come here (the name is the brief's "retrieve Facebook leads"). With <paramref name="SendWelcome"/>
/// false no new lead of this run is welcomed. A scheduled run also keeps the page's schedule within Graph's budget.
/// </summary>
public sealed record RetrieveFacebookLeads(
    int IntegrationId,
    string FormId,
    DateTimeOffset? Since = null,
    DateTimeOffset? Until = null,
    RetrievalTrigger Trigger = RetrievalTrigger.Manual,
    long? RunId = null,
    bool SendWelcome = true) : ICommand<Result<RetrievalSummary>>, IRetrievalRequest;

public sealed class RetrieveFacebookLeadsValidator : RetrievalRequestValidator<RetrieveFacebookLeads>;

internal sealed class RetrieveFacebookLeadsHandler(
    IIntegrationRepository integrations,
    IFacebookPageGateway pages,
    LeadRetriever retriever,
    SyncBackoff backoff,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : ICommandHandler<RetrieveFacebookLeads, Result<RetrievalSummary>>
{
    public async ValueTask<Result<RetrievalSummary>> Handle(RetrieveFacebookLeads command, CancellationToken cancellationToken)
    {
        var integration = await integrations.GetAsync(command.IntegrationId, cancellationToken);
        if (RetrievalRefusal.Refuses(integration, out Result<RetrievalSummary>? refusal))
        {
            return refusal;
        }

        var form = integration.Forms.FirstOrDefault(f => f.FormId == command.FormId);
        if (form is null)
        {
            // The stored list may be stale: ask Graph once before saying the form is not this page's.
            if (await retriever.RefreshFormsAsync(integration, pages, cancellationToken) is { } failure)
            {
                return Result<RetrievalSummary>.Failed(RetrievalRefusal.FetchFailed, GraphFailureText.Describe(failure));
            }

            form = integration.Forms.FirstOrDefault(f => f.FormId == command.FormId);
            if (form is null)
            {
                return Result<RetrievalSummary>.NotFound(RetrievalRefusal.IntegrationNotFound);
            }
        }

        var summary = await retriever.RetrieveAsync(
            integration, form, new RetrievalPlan(command.Since, command.Until, command.Trigger, command.RunId, command.SendWelcome), cancellationToken);
        if (command.Trigger == RetrievalTrigger.Scheduled)
        {
            backoff.Apply(integration, clock.GetUtcNow(), summary.Failure);
            await unitOfWork.SaveChangesAsync(cancellationToken);
        }

        return summary.Failure is { } graphFailure
            ? new Result<RetrievalSummary>(ResultStatus.Failed, summary, RetrievalRefusal.FetchFailed, GraphFailureText.Describe(graphFailure))
            : Result<RetrievalSummary>.Ok(summary);
    }
}
