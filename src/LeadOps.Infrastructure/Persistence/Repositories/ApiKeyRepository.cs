using LeadOps.Application.Account;

namespace LeadOps.Infrastructure.Persistence.Repositories;

internal sealed class ApiKeyRepository(LeadOpsDbContext db) : IApiKeyRepository
{
    public async Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken) =>
        await db.ApiKeys.AsNoTracking().OrderByDescending(k => k.CreatedAt).ToListAsync(cancellationToken);

    public Task<ApiKey?> GetAsync(Guid id, CancellationToken cancellationToken) =>
        db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id, cancellationToken);

    public void Add(ApiKey key) => db.ApiKeys.Add(key);

    public Task<ApiKey?> FindByFormTokenAsync(Guid formToken, CancellationToken cancellationToken) =>
        db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.FormToken == formToken, cancellationToken);

    public async Task<bool> TryAddAsync(ApiKey key, CancellationToken cancellationToken)
    {
        db.ApiKeys.Add(key); // refused by the unique form token: the other post's key stands, this one is never saved
        return await DbErrors.TrySaveUniqueAsync(db, cancellationToken);
    }
}
