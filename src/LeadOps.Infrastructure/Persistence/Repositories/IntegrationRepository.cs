using LeadOps.Application.Integrations;

namespace LeadOps.Infrastructure.Persistence.Repositories;

internal sealed class IntegrationRepository(LeadOpsDbContext db) : IIntegrationRepository
{
    public async Task<IReadOnlyList<Integration>> ListAsync(CancellationToken cancellationToken) =>
        await db.Integrations.AsNoTracking().Include(i => i.Forms).OrderBy(i => i.Name).ToListAsync(cancellationToken);

    public Task<Integration?> GetAsync(int id, CancellationToken cancellationToken) =>
        db.Integrations.Include(i => i.Forms).FirstOrDefaultAsync(i => i.Id == id, cancellationToken);

    public Task<Integration?> GetWithoutFormsAsync(int id, CancellationToken cancellationToken) =>
        db.Integrations.FirstOrDefaultAsync(i => i.Id == id, cancellationToken);

    public Task<Integration?> FindFromEnvironmentAsync(CancellationToken cancellationToken) =>
        db.Integrations.Include(i => i.Forms).FirstOrDefaultAsync(i => i.IsFromEnvironment, cancellationToken);

    public Task<Integration?> FindEnabledForPageAsync(string pageId, CancellationToken cancellationToken) =>
        db.Integrations.Where(i => i.PageId == pageId && !i.IsDisabled).OrderBy(i => i.Name).ThenBy(i => i.Id)
            .FirstOrDefaultAsync(cancellationToken);

    public Task<Integration?> FindForPageAsync(string pageId, CancellationToken cancellationToken) =>
        db.Integrations.Include(i => i.Forms).Where(i => i.PageId == pageId).OrderBy(i => i.Id).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Compiled once: it runs for every reply sent.</summary>
    private static readonly Func<LeadOpsDbContext, int, string, CancellationToken, Task<Integration?>> Sender =
        EF.CompileAsyncQuery((LeadOpsDbContext context, int integrationId, string pageId, CancellationToken _) => context.Integrations
            .Where(i => i.Id == integrationId || (i.PageId == pageId && !i.IsDisabled))
            .OrderBy(i => i.IsDisabled)
            .ThenBy(i => i.Id == integrationId ? 0 : 1)
            .ThenBy(i => i.Name)
            .ThenBy(i => i.Id)
            .FirstOrDefault());

    public Task<Integration?> FindSenderAsync(int integrationId, string pageId, CancellationToken cancellationToken) =>
        Sender(db, integrationId, pageId, cancellationToken);

    public void Add(Integration integration) => db.Integrations.Add(integration);

    public async Task<bool> TryAddAsync(Integration integration, CancellationToken cancellationToken)
    {
        db.Integrations.Add(integration);
        var stored = false;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            stored = true;
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            // The page's integration is another connect's: this one and its forms are not stored, and not saved later
            // (a form detached leaves the integration's list, so the list is copied first).
            foreach (var row in integration.Forms.ToList<object>().Append(integration))
            {
                db.Entry(row).State = EntityState.Detached;
            }
        }

        return stored;
    }

    public void Remove(Integration integration) => db.Integrations.Remove(integration);
}
