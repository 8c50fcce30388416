namespace LeadOps.Application.Integrations.Commands;

/// <summary>Connects a page from a pasted page access token: Graph says which page it is; then it is tested.</summary>
public sealed record ConnectIntegration(string PageAccessToken, string? Name) : ICommand<Result<IntegrationView>>;

public sealed class ConnectIntegrationValidator : AbstractValidator<ConnectIntegration>
{
    public ConnectIntegrationValidator()
    {
        RuleFor(c => c.PageAccessToken).PageToken();
        RuleFor(c => c.Name).MaximumLength(100).WithMessage("The name can have at most 100 characters.");
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
        integrations.Add(integration);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Result<IntegrationView>.Ok(IntegrationView.From(integration, clock.GetUtcNow()));
    }
}

internal static class PageTokenRules
{
    /// <summary>A page token: present, one line, no spaces, and of a sane length (real ones are a few hundred characters).</summary>
    public static IRuleBuilderOptions<T, string> PageToken<T>(this IRuleBuilderInitial<T, string> rule) =>
        rule.Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Paste the page access token.")
            .MaximumLength(2048).WithMessage("That is too long for a page access token (at most 2048 characters).")
            .Matches(@"^\s*\S+\s*$").WithMessage("A page access token has no spaces or line breaks.");
}
