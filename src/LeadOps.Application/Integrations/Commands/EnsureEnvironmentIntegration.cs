namespace LeadOps.Application.Integrations.Commands;

/// <summary>
/// FACEBOOK_PAGE_ACCESS_TOKEN (the brief's variable): creates or updates, for the acting (admin) user, the
/// integration "Facebook page (from environment)". Idempotent: running it twice never creates two.
/// </summary>
public sealed record EnsureEnvironmentIntegration(string PageAccessToken) : ICommand<Result<IntegrationView>>
{
    public override string ToString() => "EnsureEnvironmentIntegration { }";
}

internal sealed class EnsureEnvironmentIntegrationHandler(
    IIntegrationRepository integrations,
    IFacebookPageGateway graph,
    IntegrationChecker checker,
    ITokenProtector protector,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : ICommandHandler<EnsureEnvironmentIntegration, Result<IntegrationView>>
{
    public const string Name = "Facebook page (from environment)";

    public async ValueTask<Result<IntegrationView>> Handle(EnsureEnvironmentIntegration command, CancellationToken cancellationToken)
    {
        var token = command.PageAccessToken.Trim();
        var integration = await integrations.FindFromEnvironmentAsync(cancellationToken);
        if (integration is not null && protector.TokenOrNull(integration) is { } stored && Secrets.FixedTimeEquals(stored, token))
        {
            return Result<IntegrationView>.Ok(IntegrationView.From(integration, clock.GetUtcNow()));
        }

        if (integration is null)
        {
            integration = new Integration { Name = Name, IsFromEnvironment = true, CreatedAt = clock.GetUtcNow() };
            integrations.Add(integration);
        }

        integration.UseToken(protector.Protect(token), token);
        try
        {
            var page = await graph.GetPageAsync(token, cancellationToken);
            integration.PageId = page.Id;
            integration.PageName = page.Name;
            await checker.CheckAsync(integration, cancellationToken, tokenJustVerified: true);
        }
        catch (GraphApiException ex)
        {
            // Kept, not dropped: the integration shows what is wrong and can be reconnected from the page.
            integration.RecordFailure(ex.Failure);
        }

        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Result<IntegrationView>.Ok(IntegrationView.From(integration, clock.GetUtcNow()));
    }
}
