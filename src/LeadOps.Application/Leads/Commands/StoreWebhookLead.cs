namespace LeadOps.Application.Leads.Commands;

/// <summary>
/// A leadgen webhook change for one of the acting user's integrations: fetch the lead by its leadgen id and store
/// it once. A lead that is already stored (replayed delivery, or retrieval got there first) is "existing"; if it was
/// stored without answers, Graph is asked for them again and they are filled in (<see cref="LeadAnswersFiller"/>).
/// Transient Graph failures are thrown so the delivery is retried; a lead that cannot be fetched or read is recorded as
/// a <see cref="LeadFailure"/> (shown on the sync history) and answered as failed. <paramref name="AnnouncedCreatedTime"/>
/// is the webhook's own created_time, used when Graph's lead has no readable one.
/// </summary>
public sealed record StoreWebhookLead(int IntegrationId, string FormId, string LeadgenId, DateTimeOffset? AnnouncedCreatedTime = null)
    : ICommand<Result<ProcessedLead>>;

internal sealed class StoreWebhookLeadHandler(
    IntegrationAccess access, ILeadRepository leads, ILeadSource source, WelcomePlanner welcome, LeadFollowUpPlanner followUps,
    LeadAnswersFiller answers, LeadMetrics metrics) : ICommandHandler<StoreWebhookLead, Result<ProcessedLead>>
{
    public async ValueTask<Result<ProcessedLead>> Handle(StoreWebhookLead command, CancellationToken cancellationToken) =>
        await access.WithAsync(command.IntegrationId, integration => StoreAsync(command, integration, cancellationToken), cancellationToken, RetrievalRefusal.IntegrationNotFound);

    private async Task<Result<ProcessedLead>> StoreAsync(StoreWebhookLead command, Integration integration, CancellationToken cancellationToken)
    {
        var now = access.Now;
        integration.RecordWebhook(now);
        var existing = await leads.GetExistingFacebookLeadIdsAsync([command.LeadgenId], cancellationToken);
        if (existing.TryGetValue(command.LeadgenId, out var stored))
        {
            if (stored.WithoutAnswers)
            {
                await FillInAnswersAsync(integration, command.LeadgenId, existing, cancellationToken);
            }

            await access.SaveAsync(cancellationToken);
            return Result<ProcessedLead>.Ok(new ProcessedLead(command.LeadgenId, ProcessedLeadStatus.Existing, stored.Id, stored.Name));
        }

        FacebookLeadData data;
        try
        {
            data = await source.GetLeadAsync(access.CredentialsFor(integration), command.LeadgenId, cancellationToken);
        }
        catch (GraphApiException ex) when (ex.Failure.Kind is not (GraphFailureKind.Transient or GraphFailureKind.RateLimited))
        {
            var reason = integration.RecordLeadReadFailure(ex.Failure);
            await RecordFailureAsync(command, reason, now, cancellationToken);
            return Result<ProcessedLead>.Failed(RetrievalRefusal.FetchFailed, reason);
        }

        // The lead's form is Graph's (the webhook may leave form_id out): its name and welcome rules are that form's.
        var form = integration.Forms.FirstOrDefault(f => f.FormId == LeadMapping.FormIdOf(data, command.FormId));
        var (lead, error) = LeadMapping.FromFacebook(data, integration.Id, integration.PageId, command.FormId, form?.Name, LeadSource.Webhook, now, command.AnnouncedCreatedTime);
        if (lead is null)
        {
            await RecordFailureAsync(command, error ?? "The lead could not be read.", now, cancellationToken);
            return Result<ProcessedLead>.Ok(new ProcessedLead(command.LeadgenId, ProcessedLeadStatus.Failed, null, null, error));
        }

        lead.PlanWelcome(
            welcome.RulesFor(integration, form, requested: true, now),
            await followUps.ForAsync(integration, cancellationToken));
        var inserted = await leads.InsertNewAsync([lead], cancellationToken);
        await access.SaveAsync(cancellationToken);
        if (inserted.Count == 0)
        {
            return Result<ProcessedLead>.Ok(new ProcessedLead(command.LeadgenId, ProcessedLeadStatus.Existing, null, null));
        }

        metrics.WebhookLeadStored();
        return Result<ProcessedLead>.Ok(new ProcessedLead(lead.FacebookLeadId, ProcessedLeadStatus.Created, lead.Id, lead.DisplayName));
    }

    /// <summary>
    /// A stored lead Graph first sent without answers is read again, and takes them in if Graph has them now. A read
    /// that fails leaves it as it is (still existing, no failure recorded): a later replay of the webhook, or a retrieval that
    /// covers the lead's day, tries again (the schedule's watermark does not wait for it).
    /// </summary>
    private async Task FillInAnswersAsync(Integration integration, string leadgenId, IReadOnlyDictionary<string, ExistingLead> existing, CancellationToken ct)
    {
        try
        {
            var data = await source.GetLeadAsync(access.CredentialsFor(integration), leadgenId, ct);
            await answers.FillInAsync([data], existing, ct);
        }
        catch (GraphApiException)
        {
            // Nothing is lost: the lead is stored, and a later read fills its answers in.
        }
    }

    /// <summary>Keeps the failure where staff look (once per lead id, counting how often), with what was found so far.</summary>
    private async Task RecordFailureAsync(StoreWebhookLead command, string reason, DateTimeOffset now, CancellationToken ct)
    {
        if (await leads.FindFailureAsync(command.LeadgenId, ct) is { } known)
        {
            known.Again(reason, now);
        }
        else
        {
            leads.AddFailure(LeadFailure.Record(command.IntegrationId, command.FormId, command.LeadgenId, LeadSource.Webhook, reason, now));
        }

        await access.SaveAsync(ct);
    }
}
