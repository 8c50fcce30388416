using LeadOps.Application.Account;

namespace LeadOps.Infrastructure.Persistence.Repositories;

internal sealed class ApiKeyRepository(LeadOpsDbContext db) : IApiKeyRepository
{
    public async Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken) =>
        await db.ApiKeys.AsNoTracking().OrderByDescending(k => k.CreatedAt).ToListAsync(cancellationToken);

    public Task<ApiKey?> GetAsync(Guid id, CancellationToken cancellationToken) =>
        db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id, cancellationToken);

    public void Add(ApiKey key) => db.ApiKeys.Add(key);
}
