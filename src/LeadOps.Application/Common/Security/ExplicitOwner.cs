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
