namespace LeadOps.Infrastructure.Persistence;

/// <summary>
/// Stamps <see cref="IOwnedByUser.OwnerId"/> on insert and refuses to insert, update or delete a row owned by anyone
/// but the acting user. Together with the owner query filter this is the whole of user isolation in the data layer.
/// </summary>
internal sealed class OwnershipInterceptor : BeforeSaveInterceptor
{
    protected override void BeforeSave(DbContext? context) => Enforce(context);

    private static void Enforce(DbContext? context)
    {
        if (context is not LeadOpsDbContext db)
        {
            return;
        }

        foreach (var entry in db.ChangeTracker.Entries<IOwnedByUser>())
        {
            switch (entry.State)
            {
                case EntityState.Added:
                    var owner = db.CurrentOwnerId ?? throw new OwnershipViolationException($"Cannot save a new {entry.Metadata.ClrType.Name} without an acting user.");
                    if (string.IsNullOrEmpty(entry.Entity.OwnerId))
                    {
                        entry.Entity.OwnerId = owner;
                    }
                    else if (!string.Equals(entry.Entity.OwnerId, owner, StringComparison.Ordinal))
                    {
                        throw new OwnershipViolationException($"Cannot save a {entry.Metadata.ClrType.Name} owned by another user.");
                    }

                    break;
                case EntityState.Modified or EntityState.Deleted:
                    var original = entry.Property(e => e.OwnerId).OriginalValue;
                    if (!string.Equals(original, db.CurrentOwnerId, StringComparison.Ordinal) ||
                        !string.Equals(entry.Entity.OwnerId, db.CurrentOwnerId, StringComparison.Ordinal))
                    {
                        throw new OwnershipViolationException($"Cannot change a {entry.Metadata.ClrType.Name} owned by another user.");
                    }

                    break;
            }
        }
    }
}
