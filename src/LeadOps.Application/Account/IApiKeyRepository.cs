namespace LeadOps.Application.Account;

/// <summary>The current user's API keys (owner filtering is applied by the data layer).</summary>
public interface IApiKeyRepository
{
    Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken);

    Task<ApiKey?> GetAsync(Guid id, CancellationToken cancellationToken);

    void Add(ApiKey key);
}
