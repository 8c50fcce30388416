namespace LeadOps.Application.Common.Security;

/// <summary>
/// Scoped holder for an explicit owner. Background work creates a DI scope through <see cref="IOwnerScopeFactory"/>,
/// which sets the owner here before anything else is resolved; every owned query and save in that scope then runs as
/// that user. It is set once: a scope never changes whose it is.
/// </summary>
public sealed class ExplicitOwner
{
    public string? OwnerId { get; private set; }

    /// <summary>Only the owner-scope factory calls this, once per scope; a second call throws.</summary>
    internal void Assign(string ownerId)
    {
        if (OwnerId is not null)
        {
            throw new InvalidOperationException("This scope already acts as an owner; create a new scope to act as another.");
        }

        OwnerId = ownerId;
    }
}
