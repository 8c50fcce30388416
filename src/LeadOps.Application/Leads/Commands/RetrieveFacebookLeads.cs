namespace LeadOps.Application.Leads.Commands;

/// <summary>
/// Pulls one form's leads back from Graph (paged, optionally by date range), stores the new ones once with their
/// welcome outbox rows, and reports what was new, what already existed and what failed. Manual, scheduled and
/// background runs all come here (the name is the brief's "retrieve Facebook leads"). With <paramref name="SendWelcome"/>
/// false no new lead of this run is welcomed. A scheduled run also keeps the page's schedule within Graph's budget.
/// A form with another run still under way is not read: the answer is a conflict (<see cref="RetrievalRefusal.UnderWay{T}"/>).
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

internal sealed class RetrieveFacebookLeadsHandler(IntegrationAccess access, LeadRetriever retriever, SyncBackoff backoff)
    : ICommandHandler<RetrieveFacebookLeads, Result<RetrievalSummary>>
{
    public async ValueTask<Result<RetrievalSummary>> Handle(RetrieveFacebookLeads command, CancellationToken cancellationToken) =>
        await access.ForRetrievalAsync(command, async (integration, form) =>
        {
            var summary = await retriever.RetrieveAsync(
                integration, form, new RetrievalPlan(command.Since, command.Until, command.Trigger, command.RunId, command.SendWelcome), cancellationToken);
            if (summary.UnderWayRunId is { } underWay)
            {
                return RetrievalRefusal.UnderWay<RetrievalSummary>(underWay);
            }

            if (command.Trigger == RetrievalTrigger.Scheduled)
            {
                backoff.Apply(integration, access.Now, summary.Failure);
                await access.SaveAsync(cancellationToken);
            }

            return summary.Failure is { } graphFailure
                ? new Result<RetrievalSummary>(ResultStatus.Failed, summary, RetrievalRefusal.FetchFailed, GraphFailureText.Describe(graphFailure))
                : Result<RetrievalSummary>.Ok(summary);
        }, cancellationToken, refreshForms: true);
}
