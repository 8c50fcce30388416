namespace LeadOps.Application.Integrations.Commands;

/// <summary>
/// A form's welcome waits for consent: a lead of the form is welcomed only when it ticked the consent check box with
/// this key (<c>custom_disclaimer_responses</c>); empty: no consent required.
/// </summary>
public sealed record RequireWelcomeConsent(int IntegrationId, string FormId, string? CheckboxKey) : ICommand<Result<IntegrationView>>;

public sealed class RequireWelcomeConsentValidator : AbstractValidator<RequireWelcomeConsent>
{
    public RequireWelcomeConsentValidator() =>
        RuleFor(c => c.CheckboxKey).MaximumLength(Lead.ConsentKeyLength).Matches("^[A-Za-z0-9_.-]*$")
            .WithMessage("A check box key is letters, digits, '_', '.' or '-' (as Meta shows it, e.g. optional_1).");
}

internal sealed class RequireWelcomeConsentHandler(IntegrationAccess access) : ICommandHandler<RequireWelcomeConsent, Result<IntegrationView>>
{
    public async ValueTask<Result<IntegrationView>> Handle(RequireWelcomeConsent command, CancellationToken cancellationToken) =>
        await access.ChangeFormAsync(command.IntegrationId, command.FormId, (integration, form) =>
        {
            form.RequireConsentForWelcome(command.CheckboxKey);
            integration.RecordStaffChange(IntegrationChanged.Settings, command.CheckboxKey is null
                ? $"form {command.FormId} welcomes without a consent checkbox"
                : $"form {command.FormId} welcomes only with consent {command.CheckboxKey}");
        }, cancellationToken);
}
