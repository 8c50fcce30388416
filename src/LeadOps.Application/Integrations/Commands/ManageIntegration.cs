namespace LeadOps.Application.Integrations.Commands;

/// <summary>Turns an integration off (no syncs, webhooks ignored) or back on.</summary>
public sealed record SetIntegrationEnabled(int IntegrationId, bool Enabled) : ICommand<Result<IntegrationView>>;

/// <summary>Deletes an integration; its leads stay.</summary>
public sealed record DeleteIntegration(int IntegrationId) : ICommand<Result<int>>;

/// <summary>The integration's welcome message: subject and body with {first_name}, {full_name}, {form_name}, {page_name}.</summary>
public sealed record UpdateWelcomeTemplate(int IntegrationId, bool Enabled, string Subject, string Body) : ICommand<Result<IntegrationView>>;

/// <summary>Which forms are synced on a schedule, and how often.</summary>
public sealed record UpdateFormSync(int IntegrationId, string FormId, bool Enabled, int IntervalMinutes) : ICommand<Result<IntegrationView>>;

public sealed class UpdateWelcomeTemplateValidator : AbstractValidator<UpdateWelcomeTemplate>
{
    private static readonly string[] Placeholders = ["{first_name}", "{full_name}", "{form_name}", "{page_name}"];

    public UpdateWelcomeTemplateValidator()
    {
        RuleFor(c => c.Subject).NotEmpty().WithMessage("Write a subject.").MaximumLength(200)
            .Must(s => !s.Contains('\r') && !s.Contains('\n')).WithMessage("The subject must be one line.");
        RuleFor(c => c.Body).NotEmpty().WithMessage("Write the message.").MaximumLength(10_000);
        RuleFor(c => c.Subject + c.Body).Must(OnlyKnownPlaceholders).OverridePropertyName("Body")
            .WithMessage("Use only {first_name}, {full_name}, {form_name} and {page_name} as placeholders.");
    }

    private static bool OnlyKnownPlaceholders(string text) =>
        System.Text.RegularExpressions.Regex.Matches(text, @"\{[a-z_]+\}").All(m => Placeholders.Contains(m.Value));
}

public sealed class UpdateFormSyncValidator : AbstractValidator<UpdateFormSync>
{
    public UpdateFormSyncValidator() =>
        RuleFor(c => c.IntervalMinutes).Must(IntegrationForm.SyncIntervals.Contains)
            .WithMessage($"Choose one of: {string.Join(", ", IntegrationForm.SyncIntervals)} minutes.");
}

/// <summary>The integration settings staff change on its page: load it, change it, save it, answer how it looks now.</summary>
internal sealed class IntegrationEditHandlers(IIntegrationRepository integrations, IUnitOfWork unitOfWork, TimeProvider clock)
    : ICommandHandler<SetIntegrationEnabled, Result<IntegrationView>>,
      ICommandHandler<UpdateWelcomeTemplate, Result<IntegrationView>>,
      ICommandHandler<UpdateFormSync, Result<IntegrationView>>
{
    public ValueTask<Result<IntegrationView>> Handle(SetIntegrationEnabled command, CancellationToken cancellationToken) =>
        EditAsync(command.IntegrationId, i => i.IsDisabled = !command.Enabled, cancellationToken);

    public ValueTask<Result<IntegrationView>> Handle(UpdateWelcomeTemplate command, CancellationToken cancellationToken) =>
        EditAsync(command.IntegrationId, i =>
        {
            i.WelcomeEnabled = command.Enabled;
            i.WelcomeSubject = command.Subject.Trim();
            i.WelcomeBody = command.Body;
        }, cancellationToken);

    public async ValueTask<Result<IntegrationView>> Handle(UpdateFormSync command, CancellationToken cancellationToken)
    {
        var integration = await integrations.GetAsync(command.IntegrationId, cancellationToken);
        if (integration?.Forms.FirstOrDefault(f => f.FormId == command.FormId) is not { } form)
        {
            return Result<IntegrationView>.NotFound("Lead form not found");
        }

        form.SyncEnabled = command.Enabled;
        form.SyncIntervalMinutes = command.IntervalMinutes;
        return await SaveAsync(integration, cancellationToken);
    }

    private async ValueTask<Result<IntegrationView>> EditAsync(int integrationId, Action<Integration> edit, CancellationToken ct)
    {
        var integration = await integrations.GetAsync(integrationId, ct);
        if (integration is null)
        {
            return Result<IntegrationView>.NotFound("Integration not found");
        }

        edit(integration);
        return await SaveAsync(integration, ct);
    }

    private async Task<Result<IntegrationView>> SaveAsync(Integration integration, CancellationToken ct)
    {
        await unitOfWork.SaveChangesAsync(ct);
        return Result<IntegrationView>.Ok(IntegrationView.From(integration, clock.GetUtcNow()));
    }
}

internal sealed class DeleteIntegrationHandler(IIntegrationRepository integrations, IUnitOfWork unitOfWork)
    : ICommandHandler<DeleteIntegration, Result<int>>
{
    public async ValueTask<Result<int>> Handle(DeleteIntegration command, CancellationToken cancellationToken)
    {
        var integration = await integrations.GetAsync(command.IntegrationId, cancellationToken);
        if (integration is null)
        {
            return Result<int>.NotFound("Integration not found");
        }

        integrations.Remove(integration);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Result<int>.Ok(command.IntegrationId);
    }
}
