namespace LeadOps.Application.Integrations.Commands;

/// <summary>Connects a page from a pasted page access token: Graph says which page it is; then it is tested.</summary>
public sealed record ConnectIntegration(string PageAccessToken, string? Name) : ICommand<Result<IntegrationView>>;

public sealed class ConnectIntegrationValidator : AbstractValidator<ConnectIntegration>
{
    public ConnectIntegrationValidator()
    {
        RuleFor(c => c.PageAccessToken).PageToken();
        RuleFor(c => c.Name).MaximumLength(Integration.NameLength).WithMessage($"The name can have at most {Integration.NameLength} characters.");
    }
}

internal sealed class ConnectIntegrationHandler(
    IIntegrationRepository integrations,
    IntegrationChecker checker,
    ITokenProtector protector,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : ICommandHandler<ConnectIntegration, Result<IntegrationView>>
{
    public async ValueTask<Result<IntegrationView>> Handle(ConnectIntegration command, CancellationToken cancellationToken)
    {
        var token = command.PageAccessToken.Trim();
        var (page, refusal) = await checker.IdentifyPageAsync(token, cancellationToken);
        if (page is null)
        {
            return Result<IntegrationView>.Unprocessable("Facebook rejected the page access token", refusal);
        }

        var integration = new Integration
        {
            Name = string.IsNullOrWhiteSpace(command.Name) ? page.Name : command.Name.Trim(),
            PageId = page.Id,
            PageName = page.Name,
            CreatedAt = clock.GetUtcNow(),
        };
        integration.UseToken(protector.Protect(token), token);
        await checker.CheckAsync(integration, cancellationToken, tokenJustVerified: true);
        integration.RecordStaffChange(IntegrationChanged.Connect);
        integrations.Add(integration);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Result<IntegrationView>.Ok(IntegrationView.From(integration, clock.GetUtcNow()));
    }
}
