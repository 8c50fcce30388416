namespace LeadOps.Application.Leads.Commands;

/// <summary>The rules every single-form retrieval request shares (the brief's <c>integration_id</c>, <c>form_id</c>, <c>since</c>, <c>until</c>).</summary>
public abstract class RetrievalRequestValidator<T> : AbstractValidator<T>
    where T : IRetrievalRequest
{
    protected RetrievalRequestValidator()
    {
        RuleFor(c => c.IntegrationId).GreaterThan(0).WithMessage("integration_id is required.");
        RuleFor(c => c.FormId).NotEmpty().WithMessage("form_id is required.")
            .MaximumLength(FacebookId.MaxLength).Matches("^[0-9A-Za-z_-]+$").WithMessage("form_id must be a Facebook form id.");
        RuleFor(c => c.Until).GreaterThan(c => c.Since).When(c => c.Since is not null && c.Until is not null)
            .WithMessage("until must be after since.");
    }
}
