using LeadOps.Application.Leads.Commands;

namespace LeadOps.Application.Leads.Queries;

/// <summary>
/// Before a manual retrieval: how many welcome e-mails it would send. Only leads younger than <c>Welcome:MaxLeadAge</c>
/// can be welcomed, so only that part of the window is read from Graph (little, whatever the window); of those, the
/// leads LeadOps does not hold yet and would welcome (an e-mail, welcome on, the form's consent) are counted. A form
/// with a run still under way is refused first (<see cref="RetrievalRefusal.UnderWay{T}"/>): staff are not asked to
/// confirm a retrieval that would then be refused.
/// </summary>
public sealed record PreviewRetrieval(int IntegrationId, string FormId, DateTimeOffset? Since = null, DateTimeOffset? Until = null)
    : IQuery<Result<RetrievalPreview>>, IRetrievalRequest;

public sealed class PreviewRetrievalValidator : RetrievalRequestValidator<PreviewRetrieval>;

internal sealed class PreviewRetrievalHandler(
    IntegrationAccess access,
    ILeadSource source,
    ILeadRepository leads,
    WelcomePlanner welcome,
    WelcomeAgeLimit ageLimit,
    IRetrievalRunRepository runs) : IQueryHandler<PreviewRetrieval, Result<RetrievalPreview>>
{
    public async ValueTask<Result<RetrievalPreview>> Handle(PreviewRetrieval query, CancellationToken cancellationToken) =>
        await access.ForRetrievalAsync(query, async (integration, form) =>
            await runs.UnderWayAsync(integration.Id, form.FormId, access.Now, cancellationToken) is { } underWay
                ? RetrievalRefusal.UnderWay<RetrievalPreview>(underWay.Id)
                : await PreviewAsync(query, integration, form, cancellationToken), cancellationToken);

    private async Task<Result<RetrievalPreview>> PreviewAsync(PreviewRetrieval query, Integration integration, IntegrationForm form, CancellationToken cancellationToken)
    {
        var now = access.Now;
        var youngest = now - ageLimit.MaxLeadAge;
        var since = query.Since is { } s && s > youngest ? s : youngest;
        if (!integration.WelcomeEnabled || (query.Until is { } until && until <= since))
        {
            return Result<RetrievalPreview>.Ok(new RetrievalPreview(0, ageLimit.MaxLeadAge));
        }

        var count = 0;
        try
        {
            var credentials = access.CredentialsFor(integration);
            await foreach (var page in source.GetLeadPagesAsync(credentials, form.FormId, since, query.Until, cancellationToken))
            {
                var existing = await leads.GetExistingFacebookLeadIdsAsync([.. page.Select(l => l.Id)], cancellationToken);
                foreach (var data in page.Where(l => !existing.ContainsKey(l.Id)).DistinctBy(l => l.Id))
                {
                    var (lead, _) = LeadMapping.FromFacebook(data, integration.Id, integration.PageId, form.FormId, form.Name, LeadSource.ManualRetrieval, now);
                    count += lead is not null && welcome.WouldWelcome(lead, integration, form, now) ? 1 : 0;
                }
            }
        }
        catch (GraphApiException ex)
        {
            return Result<RetrievalPreview>.Failed(RetrievalRefusal.FetchFailed, GraphFailureText.Describe(ex.Failure));
        }

        return Result<RetrievalPreview>.Ok(new RetrievalPreview(count, ageLimit.MaxLeadAge));
    }
}
