namespace LeadOps.Infrastructure.Common;

/// <summary>Runs every <see cref="IStartupTask"/> in order during host start, before Kestrel accepts requests.</summary>
internal sealed class StartupTaskRunner(IServiceScopeFactory scopes) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        foreach (var task in scope.ServiceProvider.GetServices<IStartupTask>())
        {
            await task.RunAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
