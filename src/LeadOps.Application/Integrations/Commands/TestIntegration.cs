namespace LeadOps.Application.Integrations.Commands;

/// <summary>The brief's "Test the integration": validity, expiry, scopes, webhook subscription, forms.</summary>
public sealed record TestIntegration(int IntegrationId) : ICommand<Result<IntegrationTestResult>>;

internal sealed class TestIntegrationHandler(IIntegrationRepository integrations, IntegrationChecker checker, IUnitOfWork unitOfWork)
    : ICommandHandler<TestIntegration, Result<IntegrationTestResult>>
{
    public async ValueTask<Result<IntegrationTestResult>> Handle(TestIntegration command, CancellationToken cancellationToken)
    {
        var integration = await integrations.GetAsync(command.IntegrationId, cancellationToken);
        if (integration is null)
        {
            return Result<IntegrationTestResult>.NotFound(IntegrationSettings.IntegrationNotFound);
        }

        var result = await checker.CheckAsync(integration, cancellationToken);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Result<IntegrationTestResult>.Ok(result);
    }
}
