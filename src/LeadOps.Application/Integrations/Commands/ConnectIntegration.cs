namespace LeadOps.Application.Integrations.Commands;

/// <summary>
/// Connects a page from a pasted page access token: Graph says which page it is; then it is tested. A page the user has
/// connected already keeps its one integration: the new token (and a new name, if given) replaces the old one there, so
/// its forms and leads never appear twice. The database holds that rule (one integration per user and page, ADR 0027):
/// of two connects at the same moment, the one that stores second reconnects the first one's integration.
/// </summary>
public sealed record ConnectIntegration(string PageAccessToken, string? Name) : ICommand<Result<IntegrationView>>
{
    public override string ToString() => $"ConnectIntegration {{ Name = {Name} }}";
}

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
            return await ReconnectAsync(existing, page, command.Name, token, cancellationToken);
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
        if (await integrations.TryAddAsync(integration, cancellationToken))
        {
            return Result<IntegrationView>.Ok(IntegrationView.From(integration, clock.GetUtcNow()));
        }

        // Another connect of the page (a double click, a second tab) stored its integration first: this one is its reconnect.
        return await integrations.FindForPageAsync(page.Id, cancellationToken) is { } winner
            ? await ReconnectAsync(winner, page, command.Name, token, cancellationToken)
            : Result<IntegrationView>.Conflict("The page was being connected at the same moment", "Try again.");
    }

    /// <summary>The page is connected already: its integration takes the new token (audited as a reconnect, ADR 0016).</summary>
    private async Task<Result<IntegrationView>> ReconnectAsync(Integration existing, FacebookPageInfo page, string? name, string token, CancellationToken cancellationToken)
    {
        existing.PageName = page.Name;
        if (!string.IsNullOrWhiteSpace(name))
        {
            existing.Name = name.Trim();
        }

        existing.UseToken(protector.Protect(token), token);
        await checker.CheckAsync(existing, cancellationToken, tokenJustVerified: true);
        existing.RecordStaffChange(IntegrationChanged.Reconnect);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        await access.ReleaseHeldAsync(existing, cancellationToken);
        return Result<IntegrationView>.Ok(IntegrationView.From(existing, clock.GetUtcNow()));
    }
}
