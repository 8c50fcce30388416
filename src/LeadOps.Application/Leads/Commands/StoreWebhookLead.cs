namespace LeadOps.Application.Leads.Commands;

/// <summary>
/// A leadgen webhook change for one of the acting user's integrations: fetch the lead by its leadgen id and store
/// it once. A lead that is already stored (replayed delivery, or retrieval got there first) is "existing".
/// Transient Graph failures are thrown so the delivery is retried; others are answered as failed.
/// </summary>
public sealed record StoreWebhookLead(int IntegrationId, string FormId, string LeadgenId) : ICommand<Result<ProcessedLead>>;

internal sealed class StoreWebhookLeadHandler(
    IIntegrationRepository integrations,
    ILeadRepository leads,
    ILeadSource source,
    ITokenProtector protector,
    IUnitOfWork unitOfWork,
    LeadMetrics metrics,
    TimeProvider clock) : ICommandHandler<StoreWebhookLead, Result<ProcessedLead>>
{
    public async ValueTask<Result<ProcessedLead>> Handle(StoreWebhookLead command, CancellationToken cancellationToken)
    {
        var integration = await integrations.GetAsync(command.IntegrationId, cancellationToken);
        if (integration is null)
        {
            return Result<ProcessedLead>.NotFound(RetrievalRefusal.IntegrationNotFound);
        }

        var now = clock.GetUtcNow();
        integration.RecordWebhook(now);
        if ((await leads.GetExistingFacebookLeadIdsAsync([command.LeadgenId], cancellationToken)).TryGetValue(command.LeadgenId, out var stored))
        {
            await unitOfWork.SaveChangesAsync(cancellationToken);
            return Result<ProcessedLead>.Ok(new ProcessedLead(command.LeadgenId, ProcessedLeadStatus.Existing, stored.Id, stored.Name));
        }

        FacebookLeadData data;
        try
        {
            data = await source.GetLeadAsync(new GraphCredentials(integration.PageId, protector.Unprotect(integration.ProtectedToken)), command.LeadgenId, cancellationToken);
        }
        catch (GraphApiException ex) when (ex.Failure.Kind is not (GraphFailureKind.Transient or GraphFailureKind.RateLimited))
        {
            integration.RecordFailure(ex.Failure);
            await unitOfWork.SaveChangesAsync(cancellationToken);
            return Result<ProcessedLead>.Failed(RetrievalRefusal.FetchFailed, GraphFailureText.Describe(ex.Failure));
        }

        var formName = integration.Forms.FirstOrDefault(f => f.FormId == command.FormId)?.Name;
        var (lead, error) = LeadMapping.FromFacebook(data, integration.Id, integration.PageId, command.FormId, formName, LeadSource.Webhook, now);
        if (lead is null || error is not null)
        {
            await unitOfWork.SaveChangesAsync(cancellationToken);
            return Result<ProcessedLead>.Ok(new ProcessedLead(command.LeadgenId, ProcessedLeadStatus.Failed, null, null, error));
        }

        lead.PlanWelcome(integration.WelcomeEnabled);
        var inserted = await leads.InsertNewAsync([lead], now, cancellationToken);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        if (inserted.Count == 0)
        {
            return Result<ProcessedLead>.Ok(new ProcessedLead(command.LeadgenId, ProcessedLeadStatus.Existing, null, null));
        }

        metrics.WebhookLeadStored();
        return Result<ProcessedLead>.Ok(new ProcessedLead(lead.FacebookLeadId, ProcessedLeadStatus.Created, lead.Id, lead.DisplayName));
    }
}
