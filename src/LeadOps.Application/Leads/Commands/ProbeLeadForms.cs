namespace LeadOps.Application.Leads.Commands;

/// <summary>
/// The minute's probe of one integration's page (ADR 0010): one Graph call lists the page's forms with Meta's counts
/// (new forms join the schedule); a form whose count grew past the leads LeadOps holds gets a sync at once (a lead no
/// webhook brought), and once a day the counts are reconciled, a gap starting a walk of the whole form. Returns how
/// many forms were asked to sync.
/// </summary>
public sealed record ProbeLeadForms(int IntegrationId) : ICommand<Result<int>>;

internal sealed class ProbeLeadFormsHandler(
    IIntegrationRepository integrations,
    IFacebookPageGateway graph,
    ILeadRepository leads,
    SyncBackoff backoff,
    SyncCadence cadence,
    ITokenProtector protector,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : ICommandHandler<ProbeLeadForms, Result<int>>
{
    public async ValueTask<Result<int>> Handle(ProbeLeadForms command, CancellationToken cancellationToken)
    {
        var integration = await integrations.GetAsync(command.IntegrationId, cancellationToken);
        if (integration is null)
        {
            return Result<int>.NotFound(RetrievalRefusal.IntegrationNotFound);
        }

        if (!integration.MayRetrieve || integration.IsDisabled || integration.NeedsReconnect)
        {
            return Result<int>.Ok(0);
        }

        var now = clock.GetUtcNow();
        integration.RecordFormsProbed(now);
        try
        {
            integration.MergeForms(await graph.GetLeadFormsAsync(new GraphCredentials(integration.PageId, protector.Unprotect(integration.ProtectedToken)), cancellationToken), now);
        }
        catch (GraphApiException ex)
        {
            integration.RecordFailure(ex.Failure);
            backoff.Apply(integration, now, ex.Failure);
            await unitOfWork.SaveChangesAsync(cancellationToken);
            return Result<int>.Ok(0);
        }

        var counted = integration.Forms.Where(f => f.LeadsCount is not null).ToList();
        var held = await leads.CountByFormAsync([.. counted.Select(f => f.FormId)], cancellationToken);
        var asked = 0;
        foreach (var form in counted)
        {
            var meta = form.LeadsCount!.Value;
            var stored = held.GetValueOrDefault(form.FormId);
            asked += form.ProbeCount(meta, stored, now) ? 1 : 0;
            if (form.ReconciliationDueAt(now, cadence.ReconcileInterval))
            {
                form.Reconcile(meta, stored, now);
            }
        }

        backoff.Apply(integration, now);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Result<int>.Ok(asked);
    }
}
