namespace LeadOps.Application.Leads.Commands;

/// <summary>
/// The minute's probe of one integration's page (ADR 0010): one Graph call lists the page's forms with Meta's counts
/// (new forms join the schedule); a form whose count grew past the leads LeadOps holds gets a sync at once (a lead no
/// webhook brought), and once a day the counts are reconciled, a gap starting a walk of the whole form. Returns how
/// many forms were asked to sync.
/// </summary>
public sealed record ProbeLeadForms(int IntegrationId) : ICommand<Result<int>>;

internal sealed class ProbeLeadFormsHandler(IntegrationAccess access, ILeadRepository leads, SyncBackoff backoff, SyncCadence cadence)
    : ICommandHandler<ProbeLeadForms, Result<int>>
{
    public async ValueTask<Result<int>> Handle(ProbeLeadForms command, CancellationToken cancellationToken) =>
        await access.WithAsync(command.IntegrationId, async integration =>
        {
            if (!integration.MayRetrieve || integration.IsDisabled || integration.NeedsReconnect)
            {
                return Result<int>.Ok(0);
            }

            var now = access.Now;
            integration.RecordFormsProbed(now);
            var failure = await access.ListFormsAsync(integration, now, cancellationToken);
            var asked = failure is null ? await ProbeCountsAsync(integration, now, cancellationToken) : 0;
            backoff.Apply(integration, now, failure);
            await access.SaveAsync(cancellationToken);
            return Result<int>.Ok(asked);
        }, cancellationToken, RetrievalRefusal.IntegrationNotFound);

    /// <summary>Compares each form's count on Meta with the leads LeadOps holds: how many forms were asked to sync.</summary>
    private async Task<int> ProbeCountsAsync(Integration integration, DateTimeOffset now, CancellationToken ct)
    {
        var counted = integration.Forms.Where(f => f.LeadsCount is not null).ToList();
        var held = await leads.CountByFormAsync([.. counted.Select(f => f.FormId)], ct);
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

        return asked;
    }
}
