using Microsoft.Extensions.DependencyInjection;

namespace LeadOps.Application.Common.Security;

/// <summary>Creates DI scopes that act as a given user (for jobs and workers; never switches filters off).</summary>
public interface IOwnerScopeFactory
{
    AsyncServiceScope CreateScope(string ownerId);
}
