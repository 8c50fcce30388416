using LeadOps.Application.Account;

namespace LeadOps.Infrastructure.Identity;

/// <summary>
/// The authentication boundary is the one place that reads API keys across owners: the caller is not known yet.
/// It bypasses only the named owner filter, reads by the non-secret prefix and compares the hash in constant time.
/// </summary>
internal sealed class ApiKeyAuthenticator(LeadOpsDbContext db, TimeProvider clock) : IApiKeyAuthenticator
{
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(5);

    public async Task<ApiKeyOwner?> AuthenticateAsync(string presentedKey, CancellationToken cancellationToken)
    {
        var prefix = ApiKeySecret.PrefixOf(presentedKey);
        if (prefix is null)
        {
            return null;
        }

        var key = await db.ApiKeys.IgnoreQueryFilters([LeadOpsDbContext.OwnerFilter]).AsNoTracking()
            .FirstOrDefaultAsync(k => k.Prefix == prefix, cancellationToken);
        if (key is null || !key.IsActive || !ApiKeySecret.Matches(presentedKey, key.SecretHash))
        {
            return null;
        }

        var now = clock.GetUtcNow();
        if (key.LastUsedAt is null || now - key.LastUsedAt > LastUsedResolution)
        {
            await db.ApiKeys.IgnoreQueryFilters([LeadOpsDbContext.OwnerFilter]).Where(k => k.Id == key.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), cancellationToken);
        }

        return new ApiKeyOwner(key.OwnerId, key.Name, key.Prefix);
    }
}
