namespace LeadOps.Application.Integrations.Commands;

/// <summary>The brief's "Test the integration": validity, expiry, scopes, webhook subscription, forms.</summary>
public sealed record TestIntegration(int IntegrationId) : ICommand<Result<IntegrationTestResult>>;

internal sealed class TestIntegrationHandler(IntegrationAccess access, IntegrationChecker checker)
    : ICommandHandler<TestIntegration, Result<IntegrationTestResult>>
{
    public async ValueTask<Result<IntegrationTestResult>> Handle(TestIntegration command, CancellationToken cancellationToken) =>
        await access.WithAsync(command.IntegrationId, async integration =>
        {
            var result = await checker.CheckAsync(integration, cancellationToken);
            await access.SaveAsync(cancellationToken);
            return Result<IntegrationTestResult>.Ok(result);
        }, cancellationToken);
}
