using Microsoft.Extensions.DependencyInjection;

namespace LeadOps.Application.Common.Security;

internal sealed class OwnerScopeFactory(IServiceScopeFactory scopeFactory) : IOwnerScopeFactory
{
    public AsyncServiceScope CreateScope(string ownerId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ownerId);
        var scope = scopeFactory.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ExplicitOwner>().Assign(ownerId);
        return scope;
    }
}
