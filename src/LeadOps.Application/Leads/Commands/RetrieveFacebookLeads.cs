using System.Diagnostics.CodeAnalysis;
using LeadOps.Application.Integrations;

namespace LeadOps.Application.Leads.Commands;

/// <summary>
/// Pulls one form's leads back from Graph (paged, optionally by date range), stores the new ones once with their
/// welcome outbox rows, and reports what was new, what already existed and what failed.
/// </summary>
public sealed record RetrieveFacebookLeads(
    int IntegrationId,
    string FormId,
    DateTimeOffset? Since = null,
    DateTimeOffset? Until = null,
    RetrievalTrigger Trigger = RetrievalTrigger.Manual,
    long? RunId = null) : ICommand<Result<RetrievalSummary>>, IRetrievalRequest;

/// <summary>What every single-form retrieval request carries.</summary>
public interface IRetrievalRequest
{
    int IntegrationId { get; }

    string FormId { get; }

    DateTimeOffset? Since { get; }

    DateTimeOffset? Until { get; }
}

public sealed class RetrieveFacebookLeadsValidator : RetrievalRequestValidator<RetrieveFacebookLeads>;

public abstract class RetrievalRequestValidator<T> : AbstractValidator<T>
    where T : IRetrievalRequest
{
    protected RetrievalRequestValidator()
    {
        RuleFor(c => c.IntegrationId).GreaterThan(0).WithMessage("integration_id is required.");
        RuleFor(c => c.FormId).NotEmpty().WithMessage("form_id is required.")
            .MaximumLength(64).Matches("^[0-9A-Za-z_-]+$").WithMessage("form_id must be a Facebook form id.");
        RuleFor(c => c.Until).GreaterThan(c => c.Since).When(c => c.Since is not null && c.Until is not null)
            .WithMessage("until must be after since.");
    }
}

internal sealed class RetrieveFacebookLeadsHandler(
    IIntegrationRepository integrations,
    IFacebookPageGateway pages,
    LeadRetriever retriever) : ICommandHandler<RetrieveFacebookLeads, Result<RetrievalSummary>>
{
    public const string IntegrationNotFound = "Lead form integration not found";
    public const string TokenNotFound = "Facebook access token not found";
    public const string FetchFailed = "Failed to fetch leads from Facebook";

    /// <summary>The brief's two refusals before any Graph call: an unknown integration, or one with no usable token.</summary>
    public static bool Refuses<T>(
        [NotNullWhen(false)] Domain.Integrations.Integration? integration,
        [NotNullWhen(true)] out Result<T>? refusal)
    {
        refusal = integration is null ? Result<T>.NotFound(IntegrationNotFound)
            : !integration.HasUsableToken ? Result<T>.Invalid(TokenNotFound, "Reconnect the page with a valid page access token.")
            : null;
        return refusal is not null;
    }

    public async ValueTask<Result<RetrievalSummary>> Handle(RetrieveFacebookLeads command, CancellationToken cancellationToken)
    {
        var integration = await integrations.GetAsync(command.IntegrationId, cancellationToken);
        if (Refuses(integration, out Result<RetrievalSummary>? refusal))
        {
            return refusal;
        }

        var form = integration.Forms.FirstOrDefault(f => f.FormId == command.FormId);
        if (form is null)
        {
            // The stored list may be stale: ask Graph once before saying the form is not this page's.
            if (await retriever.RefreshFormsAsync(integration, pages, cancellationToken) is { } failure)
            {
                return Result<RetrievalSummary>.Failed(FetchFailed, GraphFailureText.Describe(failure));
            }

            form = integration.Forms.FirstOrDefault(f => f.FormId == command.FormId);
            if (form is null)
            {
                return Result<RetrievalSummary>.NotFound(IntegrationNotFound);
            }
        }

        var summary = await retriever.RetrieveAsync(integration, form, command.Since, command.Until, command.Trigger, command.RunId, cancellationToken);
        return summary.Failure is { } graphFailure
            ? new Result<RetrievalSummary>(ResultStatus.Failed, summary, FetchFailed, GraphFailureText.Describe(graphFailure))
            : Result<RetrievalSummary>.Ok(summary);
    }
}
