namespace LeadOps.Infrastructure.Persistence.Repositories;

internal sealed class LeadRepository(LeadOpsDbContext db, IOwnerScopeFactory ownerScopes) : ILeadRepository
{
    private const int MaxRaceRetries = 3;

    public async Task<IReadOnlyDictionary<string, ExistingLead>> GetExistingFacebookLeadIdsAsync(IReadOnlyCollection<string> facebookLeadIds, CancellationToken cancellationToken)
    {
        if (facebookLeadIds.Count == 0)
        {
            return new Dictionary<string, ExistingLead>();
        }

        var found = await db.Leads.AsNoTracking()
            .Where(l => facebookLeadIds.Contains(l.FacebookLeadId))
            .Select(l => new { l.FacebookLeadId, l.Id, Name = l.FullName ?? l.Email ?? l.Phone ?? l.FacebookLeadId })
            .ToListAsync(cancellationToken);
        return found.ToDictionary(l => l.FacebookLeadId, l => new ExistingLead(l.Id, l.Name), StringComparer.Ordinal);
    }

    /// <summary>
    /// Stores the batch with a context of its own (same owner, same interceptors), committed before it returns. The
    /// caller's context never tracks the stored rows: over a long retrieval it would otherwise scan every earlier
    /// page on each save, and EF keeps per-key bookkeeping for foreign keys even after entities are detached (about
    /// 450 bytes per stored lead, kept until the retrieval's context is disposed).
    /// </summary>
    public async Task<IReadOnlySet<string>> InsertNewAsync(IReadOnlyList<Lead> leads, CancellationToken cancellationToken)
    {
        var pending = leads.ToList();
        for (var attempt = 1; ; attempt++)
        {
            await using (var scope = ownerScopes.CreateScope(db.CurrentUser.RequiredUserId))
            {
                var batch = scope.ServiceProvider.GetRequiredService<LeadOpsDbContext>();
                batch.Leads.AddRange(pending);
                try
                {
                    await batch.SaveChangesAsync(cancellationToken);
                    return pending.Select(l => l.FacebookLeadId).ToHashSet(StringComparer.Ordinal);
                }
                catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex) && attempt < MaxRaceRetries)
                {
                    // Another run stored some of these first: see below which are now taken, insert the rest.
                }
            }

            var taken = await GetExistingFacebookLeadIdsAsync([.. pending.Select(l => l.FacebookLeadId)], cancellationToken);
            pending = [.. pending.Where(l => !taken.ContainsKey(l.FacebookLeadId))];
            foreach (var lead in pending)
            {
                lead.Id = 0;
            }

            if (pending.Count == 0)
            {
                return new HashSet<string>();
            }
        }
    }

    public async Task<IReadOnlyDictionary<string, int>> CountByFormAsync(IReadOnlyCollection<string> formIds, CancellationToken cancellationToken)
    {
        if (formIds.Count == 0)
        {
            return new Dictionary<string, int>();
        }

        return await db.Leads.AsNoTracking()
            .Where(l => formIds.Contains(l.FormId))
            .GroupBy(l => l.FormId)
            .Select(g => new { FormId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.FormId, g => g.Count, StringComparer.Ordinal, cancellationToken);
    }

    public Task<LeadFailure?> FindFailureAsync(string facebookLeadId, CancellationToken cancellationToken) =>
        db.LeadFailures.FirstOrDefaultAsync(f => f.FacebookLeadId == facebookLeadId, cancellationToken);

    public void AddFailure(LeadFailure failure) => db.LeadFailures.Add(failure);
}
