using System.Text.RegularExpressions;

namespace LeadOps.Application.Integrations.Commands;

/// <summary>The integration's welcome message: on or off, and its subject and body with {first_name}, {full_name}, {form_name}, {page_name}.</summary>
public sealed record UpdateWelcomeTemplate(int IntegrationId, bool Enabled, string Subject, string Body) : ICommand<Result<IntegrationView>>;

public sealed class UpdateWelcomeTemplateValidator : AbstractValidator<UpdateWelcomeTemplate>
{
    private static readonly string[] Placeholders = ["{first_name}", "{full_name}", "{form_name}", "{page_name}"];

    public UpdateWelcomeTemplateValidator()
    {
        RuleFor(c => c.Subject).NotEmpty().WithMessage("Write a subject.").MaximumLength(Integration.WelcomeSubjectLength)
            .WithMessage($"The subject can have at most {Integration.WelcomeSubjectLength} characters.")
            .Must(s => !s.Contains('\r') && !s.Contains('\n')).WithMessage("The subject must be one line.");
        RuleFor(c => c.Body).NotEmpty().WithMessage("Write the message.").MaximumLength(Integration.WelcomeBodyLength)
            .WithMessage($"The message can have at most {Integration.WelcomeBodyLength} characters.");
        RuleFor(c => c.Subject + c.Body).Must(OnlyKnownPlaceholders).OverridePropertyName("Body")
            .WithMessage("Use only {first_name}, {full_name}, {form_name} and {page_name} as placeholders.");
    }

    private static bool OnlyKnownPlaceholders(string text) =>
        Regex.Matches(text, @"\{[a-z_]+\}").All(m => Placeholders.Contains(m.Value));
}

internal sealed class UpdateWelcomeTemplateHandler(IntegrationAccess access) : ICommandHandler<UpdateWelcomeTemplate, Result<IntegrationView>>
{
    public async ValueTask<Result<IntegrationView>> Handle(UpdateWelcomeTemplate command, CancellationToken cancellationToken) =>
        await access.ChangeAsync(command.IntegrationId, i =>
        {
            i.UseWelcome(command.Enabled, command.Subject, command.Body);
            i.RecordStaffChange(IntegrationChanged.Settings, command.Enabled ? "welcome e-mail on, template saved" : "welcome e-mail off, template saved");
            return true;
        }, cancellationToken);
}
