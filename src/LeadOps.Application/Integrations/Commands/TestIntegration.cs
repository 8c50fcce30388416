namespace LeadOps.Application.Integrations.Commands;

/// <summary>The brief's "Test the integration": validity, expiry, scopes, webhook subscription, forms.</summary>
public sealed record TestIntegration(int IntegrationId) : IIntegrationCommand<IntegrationTestResult>;

internal sealed class TestIntegrationHandler(IntegrationAccess access, IntegrationChecker checker)
    : IntegrationHandlerBase<TestIntegration, IntegrationTestResult>(access)
{
    protected override async Task<Result<IntegrationTestResult>> HandleAsync(TestIntegration command, Integration integration, CancellationToken cancellationToken)
    {
        var result = await checker.CheckAsync(integration, cancellationToken);
        await Access.SaveAsync(cancellationToken);
        return Result<IntegrationTestResult>.Ok(result);
    }
}
