namespace LeadOps.Application.Integrations.Commands;

/// <summary>
/// Connects a page from a pasted page access token: Graph says which page it is; then it is tested. A page the user has
/// connected already keeps its one integration: the new token (and a new name, if given) replaces the old one there, so
/// its forms and leads never appear twice.
/// </summary>
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
    IntegrationAccess access,
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

        if (await integrations.FindForPageAsync(page.Id, cancellationToken) is { } existing)
        {
            existing.PageName = page.Name;
            if (!string.IsNullOrWhiteSpace(command.Name))
            {
                existing.Name = command.Name.Trim();
            }

            existing.UseToken(protector.Protect(token), token);
            await checker.CheckAsync(existing, cancellationToken, tokenJustVerified: true);
            await unitOfWork.SaveChangesAsync(cancellationToken);
            await access.ReleaseHeldAsync(existing, cancellationToken);
            return Result<IntegrationView>.Ok(IntegrationView.From(existing, clock.GetUtcNow()));
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
