namespace LeadOps.Application.Integrations;

/// <summary>The current user's integrations (owner filtering is applied by the data layer).</summary>
public interface IIntegrationRepository
{
    Task<IReadOnlyList<Integration>> ListAsync(CancellationToken cancellationToken);

    /// <summary>One integration with its forms, tracked for changes; null when unknown or someone else's.</summary>
    Task<Integration?> GetAsync(int id, CancellationToken cancellationToken);

    /// <summary>One integration without its forms (for work that needs only its settings), tracked for changes.</summary>
    Task<Integration?> GetWithoutFormsAsync(int id, CancellationToken cancellationToken);

    Task<Integration?> FindFromEnvironmentAsync(CancellationToken cancellationToken);

    /// <summary>The first enabled integration (by name) for a page, without its forms, tracked; null when there is none.</summary>
    Task<Integration?> FindEnabledForPageAsync(string pageId, CancellationToken cancellationToken);

    /// <summary>The user's integration for a page (the oldest, enabled or not) with its forms, tracked; null when the page is not connected.</summary>
    Task<Integration?> FindForPageAsync(string pageId, CancellationToken cancellationToken);

    /// <summary>
    /// The integration a conversation's replies go out through, without its forms, tracked for changes: the
    /// conversation's own integration while it is enabled, else the first enabled integration (by name) for the same
    /// page, else the own one even though disabled (so the caller can say why nothing was sent); null when none exists.
    /// </summary>
    Task<Integration?> FindSenderAsync(int integrationId, string pageId, CancellationToken cancellationToken);

    void Add(Integration integration);

    /// <summary>
    /// Stores a new integration (with what else is pending) now; false, storing nothing, when the user has an integration
    /// of its page already: one connected at the same moment (the database holds one per user and page, ADR 0027).
    /// </summary>
    Task<bool> TryAddAsync(Integration integration, CancellationToken cancellationToken);

    void Remove(Integration integration);
}
