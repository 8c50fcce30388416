using LeadOps.Application.Integrations.Commands;
using LeadOps.Infrastructure.Identity;
using Mediator;
using Microsoft.Extensions.Configuration;

namespace LeadOps.Infrastructure.Integrations;

/// <summary>At start: FACEBOOK_PAGE_ACCESS_TOKEN becomes (or updates) the admin user's environment integration.</summary>
internal sealed class EnvironmentIntegrationBootstrapper(
    IConfiguration configuration,
    IOptions<AdminOptions> admin,
    IOwnerScopeFactory scopes,
    ILogger<EnvironmentIntegrationBootstrapper> logger) : IStartupTask
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var token = configuration["Facebook:PageAccessToken"];
        if (string.IsNullOrWhiteSpace(token))
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(admin.Value.UserId))
        {
            logger.LogWarning("FACEBOOK_PAGE_ACCESS_TOKEN is set but ADMIN_USER_ID is not: no integration was created from it");
            return;
        }

        await using var scope = scopes.CreateScope(admin.Value.UserId);
        var result = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new EnsureEnvironmentIntegration(token), cancellationToken);
        logger.LogInformation("Environment integration {IntegrationId} is {Status}", result.Value?.Id, result.Value?.StatusText);
    }
}
