namespace LeadOps.Application.Account;

/// <summary>The current user's API keys (owner filtering is applied by the data layer).</summary>
public interface IApiKeyRepository
{
    Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken);

    Task<ApiKey?> GetAsync(Guid id, CancellationToken cancellationToken);

    void Add(ApiKey key);

    /// <summary>The key a page form with this one-time token created, if any.</summary>
    Task<ApiKey?> FindByFormTokenAsync(Guid formToken, CancellationToken cancellationToken);

    /// <summary>Adds and saves the key; false, with nothing saved, when its form token made a key already (a repost at the same moment).</summary>
    Task<bool> TryAddAsync(ApiKey key, CancellationToken cancellationToken);
}
