using Microsoft.Extensions.DependencyInjection;

namespace LeadOps.Application.Common.Security;

/// <summary>
/// Scoped holder for an explicit owner. Background work creates a DI scope, sets the owner here before resolving
/// anything else, and every owned query and save in that scope then runs as that user.
/// </summary>
public sealed class ExplicitOwner
{
    public string? OwnerId { get; set; }
}

/// <summary>Creates DI scopes that act as a given user (for jobs and workers; never switches filters off).</summary>
public interface IOwnerScopeFactory
{
    AsyncServiceScope CreateScope(string ownerId);
}

internal sealed class OwnerScopeFactory(IServiceScopeFactory scopeFactory) : IOwnerScopeFactory
{
    public AsyncServiceScope CreateScope(string ownerId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ownerId);
        var scope = scopeFactory.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ExplicitOwner>().OwnerId = ownerId;
        return scope;
    }
}
