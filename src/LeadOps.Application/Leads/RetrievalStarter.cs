using LeadOps.Application.Leads.Commands;

namespace LeadOps.Application.Leads;

/// <summary>
/// Starts a retrieval of one form in the background for the Leads page: the run is stored at once as the form's one run
/// under way (<see cref="IRetrievalRunRepository.StartAsync"/>), then queued for the retrieval worker as the current
/// user, so the page answers at once and the run goes on whatever happens to the request. A form with a run still under
/// way is refused (<see cref="RetrievalRefusal.UnderWay{T}"/>) and nothing is queued.
/// </summary>
internal sealed class RetrievalStarter(IRetrievalRunRepository runs, IRetrievalQueue queue, ICurrentUser currentUser, TimeProvider clock)
{
    public async Task<Result<long>> StartAsync(Integration integration, IntegrationForm form, RetrievalPlan plan, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var run = RetrievalRun.Start(integration.Id, form.FormId, now);
        run.Describe(form.Name, plan.Trigger, plan.Since, plan.Until);
        if (await runs.StartAsync(run, now, ct) is { } underWay)
        {
            return RetrievalRefusal.UnderWay<long>(underWay.Id);
        }

        queue.Enqueue(currentUser.RequiredUserId, new RetrieveFacebookLeads(integration.Id, form.FormId, plan.Since, plan.Until, plan.Trigger, run.Id, plan.SendWelcome));
        return Result<long>.Ok(run.Id);
    }
}
