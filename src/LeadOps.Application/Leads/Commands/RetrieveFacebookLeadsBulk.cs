namespace LeadOps.Application.Leads.Commands;

/// <summary>
/// Retrieve all forms (or the chosen ones) of one integration: each form as <see cref="RetrieveFacebookLeads"/> does it;
/// a failing form never stops the others. A form with a run still under way is not read again: it is answered as not
/// retrieved, with the refusal (<see cref="RetrievalRefusal.UnderWay{T}"/>).
/// </summary>
public sealed record RetrieveFacebookLeadsBulk(int IntegrationId, IReadOnlyList<string>? FormIds, RetrievalTrigger Trigger = RetrievalTrigger.Manual)
    : ICommand<Result<BulkRetrievalSummary>>;

public sealed class RetrieveFacebookLeadsBulkValidator : AbstractValidator<RetrieveFacebookLeadsBulk>
{
    public RetrieveFacebookLeadsBulkValidator()
    {
        RuleFor(c => c.IntegrationId).GreaterThan(0).WithMessage("integration_id is required.");
        RuleForEach(c => c.FormIds).NotEmpty().MaximumLength(FacebookId.MaxLength).Matches("^[0-9A-Za-z_-]+$").WithMessage("Each form id must be a Facebook form id.");
        RuleFor(c => c.FormIds).Must(f => f is null || f.Count <= 100).WithMessage("At most 100 forms per bulk retrieval.");
        RuleFor(c => c.FormIds).Must(f => f is null || f.Count > 0).WithMessage("form_ids must name at least one form (leave it out for every form of the page).");
    }
}

internal sealed class RetrieveFacebookLeadsBulkHandler(IntegrationAccess access, LeadRetriever retriever)
    : ICommandHandler<RetrieveFacebookLeadsBulk, Result<BulkRetrievalSummary>>
{
    public async ValueTask<Result<BulkRetrievalSummary>> Handle(RetrieveFacebookLeadsBulk command, CancellationToken cancellationToken) =>
        await access.ForFormsAsync(command.IntegrationId, command.FormIds, integration => RetrieveAsync(command, integration, cancellationToken), cancellationToken);

    private async Task<Result<BulkRetrievalSummary>> RetrieveAsync(RetrieveFacebookLeadsBulk command, Integration integration, CancellationToken cancellationToken)
    {
        var results = new List<FormRetrievalResult>();
        foreach (var formId in command.FormIds?.Distinct(StringComparer.Ordinal).ToList() ?? [.. integration.Forms.Where(f => f.Status != IntegrationForm.Deleted).Select(f => f.FormId)])
        {
            var form = integration.Forms.FirstOrDefault(f => f.FormId == formId);
            if (form is null)
            {
                results.Add(new FormRetrievalResult(formId, null, false, RetrievalRefusal.IntegrationNotFound, "The form is not on this integration's page.", null));
                continue;
            }

            var summary = await retriever.RetrieveAsync(integration, form, new RetrievalPlan(Trigger: command.Trigger), cancellationToken);
            var underWay = summary.UnderWayRunId is { } runId ? RetrievalRefusal.UnderWay<RetrievalSummary>(runId) : null;
            results.Add(underWay is not null
                ? new FormRetrievalResult(formId, form.Name, false, underWay.Error, underWay.Detail, null)
                : summary.Failure is { } f
                ? new FormRetrievalResult(formId, form.Name, false, RetrievalRefusal.FetchFailed, GraphFailureText.Describe(f), summary)
                : new FormRetrievalResult(formId, form.Name, true, null, null, summary));
        }

        return Result<BulkRetrievalSummary>.Ok(new BulkRetrievalSummary(results));
    }
}
