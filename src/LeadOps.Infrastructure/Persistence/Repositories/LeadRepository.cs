namespace LeadOps.Infrastructure.Persistence.Repositories;

internal sealed class LeadRepository(LeadOpsDbContext db, IOwnerScopeFactory ownerScopes) : ILeadRepository
{
    public async Task<IReadOnlyDictionary<string, ExistingLead>> GetExistingFacebookLeadIdsAsync(IReadOnlyCollection<string> facebookLeadIds, CancellationToken cancellationToken)
    {
        if (facebookLeadIds.Count == 0)
        {
            return new Dictionary<string, ExistingLead>();
        }

        var found = await db.Leads.AsNoTracking()
            .Where(l => facebookLeadIds.Contains(l.FacebookLeadId))
            .Select(l => new { l.FacebookLeadId, l.Id, Name = l.FullName ?? l.Email ?? l.Phone ?? l.FacebookLeadId, l.AnswersJson })
            .ToListAsync(cancellationToken);
        return found.ToDictionary(l => l.FacebookLeadId, l => new ExistingLead(l.Id, l.Name, l.AnswersJson is "[]" or ""), StringComparer.Ordinal);
    }

    public async Task<IReadOnlyList<Lead>> GetTrackedAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken) =>
        ids.Count == 0 ? [] : await db.Leads.Where(l => ids.Contains(l.Id)).ToListAsync(cancellationToken);

    /// <summary>
    /// Stores the batch with a context of its own (same owner, same interceptors), committed before it returns. The
    /// caller's context never tracks the stored rows: over a long retrieval it would otherwise scan every earlier
    /// page on each save, and EF keeps per-key bookkeeping for foreign keys even after entities are detached (about
    /// 450 bytes per stored lead, kept until the retrieval's context is disposed).
    /// </summary>
    public async Task<IReadOnlySet<string>> InsertNewAsync(IReadOnlyList<Lead> leads, CancellationToken cancellationToken)
    {
        var pending = leads.ToList();
        while (pending.Count > 0)
        {
            await using var scope = ownerScopes.CreateScope(db.CurrentUser.RequiredUserId);
            var batch = scope.ServiceProvider.GetRequiredService<LeadOpsDbContext>();
            batch.Leads.AddRange(pending);
            try
            {
                await batch.SaveChangesAsync(cancellationToken);
                return pending.Select(l => l.FacebookLeadId).ToHashSet(StringComparer.Ordinal);
            }
            catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
            {
                // Other writers (retrievals, webhooks) stored some of these first: leave those out and insert the rest.
                // Each round leaves out at least one lead, however many writers race; a refusal that no stored lead
                // explains is about something else, and is thrown.
                var taken = await GetExistingFacebookLeadIdsAsync([.. pending.Select(l => l.FacebookLeadId)], cancellationToken);
                var rest = pending.Where(l => !taken.ContainsKey(l.FacebookLeadId)).ToList();
                if (rest.Count == pending.Count)
                {
                    throw;
                }

                pending = rest;
                foreach (var lead in pending)
                {
                    lead.Id = 0;
                }
            }
        }

        return new HashSet<string>();
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
