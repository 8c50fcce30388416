using LeadOps.Application.Leads.Conversions;
using LeadOps.Domain.Leads.Conversions;

namespace LeadOps.Infrastructure.Persistence.Repositories;

internal sealed class ConversionsRepository(LeadOpsDbContext db) : IConversionsRepository
{
    public async Task<IReadOnlyList<ConversionEvent>> ListForLeadAsync(long leadId, CancellationToken cancellationToken) =>
        await db.ConversionEvents.AsNoTracking().Where(e => e.LeadId == leadId).OrderByDescending(e => e.Id).Take(100).ToListAsync(cancellationToken);

    public Task<ConversionEvent?> GetClaimedAsync(long id, string worker, CancellationToken cancellationToken) =>
        db.ConversionEvents.Include(e => e.Lead)
            .FirstOrDefaultAsync(e => e.Id == id && e.ClaimedBy == worker && e.Status == ConversionEventStatus.Pending, cancellationToken);

    public Task<ConversionsLink?> GetLinkAsync(int integrationId, CancellationToken cancellationToken) =>
        db.ConversionsLinks.FirstOrDefaultAsync(l => l.IntegrationId == integrationId, cancellationToken);

    public void Add(ConversionsLink link) => db.ConversionsLinks.Add(link);

    public void Remove(ConversionsLink link) => db.ConversionsLinks.Remove(link);
}
