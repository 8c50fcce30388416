namespace LeadOps.Infrastructure.Persistence;

/// <summary>
/// Lets every lead about to be inserted prepare itself (<see cref="Lead.PrepareFirstSave"/>: its search terms and its
/// arrival event), whichever path stores it, before the domain events and ownership are looked at.
/// </summary>
internal sealed class NewLeadInterceptor : BeforeSaveInterceptor
{
    protected override void BeforeSave(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var added = context.ChangeTracker.Entries<Lead>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        foreach (var lead in added)
        {
            lead.PrepareFirstSave();
        }
    }
}
