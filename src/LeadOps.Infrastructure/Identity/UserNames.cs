namespace LeadOps.Infrastructure.Identity;

internal sealed class UserNames(LeadOpsDbContext db) : IUserNames
{
    public Task<string?> GetNameAsync(string userId, CancellationToken cancellationToken) =>
        db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.Email ?? u.UserName).FirstOrDefaultAsync(cancellationToken);
}
