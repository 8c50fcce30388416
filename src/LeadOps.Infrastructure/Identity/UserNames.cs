namespace LeadOps.Infrastructure.Identity;

/// <summary>
/// A staff member's name (the one they set on the Account page, else their e-mail, else their user name), read for every reply and assignment. Kept per process
/// by <see cref="UserNameCache"/>: a change made through Identity on this node drops it at once
/// (<see cref="LeadOpsUserStore"/>); another node reads it again within <see cref="UserNameCache.Lifetime"/>.
/// </summary>
internal sealed class UserNames(LeadOpsDbContext db, UserNameCache cache) : IUserNames
{
    public async Task<string?> GetNameAsync(string userId, CancellationToken cancellationToken)
    {
        if (cache.TryGet(userId, out var known))
        {
            return known;
        }

        var version = cache.Version;
        var name = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.DisplayName ?? u.Email ?? u.UserName).FirstOrDefaultAsync(cancellationToken);
        if (name is not null)
        {
            cache.Set(userId, name, version);
        }

        return name;
    }
}
