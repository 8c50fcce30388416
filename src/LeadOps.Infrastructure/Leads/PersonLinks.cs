using LeadOps.Domain.Leads.Stages;

namespace LeadOps.Infrastructure.Leads;

/// <summary>
/// Leads and conversations of the same person (ADR 0022): one indexed lookup per key, (owner, key) on leads and on
/// conversations, merged in memory (a handful of rows), newest first.
/// </summary>
internal sealed class PersonLinks(LeadOpsDbContext db) : IPersonLinks
{
    public const string SameEmail = "same e-mail";
    public const string SamePhone = "same phone";
    public const string SameAd = "same ad";

    public Task<PersonKeys?> GetLeadKeysAsync(long leadId, CancellationToken cancellationToken) =>
        db.Leads.AsNoTracking().Where(l => l.Id == leadId)
            .Select(l => new PersonKeys(l.AdId, l.EmailKey, l.PhoneKey))
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<LeadCard>> FindLeadsAsync(PersonKeys keys, long? exceptLeadId, int limit, CancellationToken cancellationToken)
    {
        var found = new List<LeadCard>();
        if (keys.EmailKey is { } email)
        {
            found.AddRange(await LeadsAsync(db.Leads.Where(l => l.EmailKey == email), SameEmail));
        }

        if (keys.PhoneKey is { } phone)
        {
            found.AddRange(await LeadsAsync(db.Leads.Where(l => l.PhoneKey == phone), SamePhone));
        }

        if (keys.AdId is { } adId)
        {
            found.AddRange(await LeadsAsync(db.Leads.Where(l => l.AdId == adId), SameAd));
        }

        return [.. found.Where(l => l.Id != exceptLeadId).DistinctBy(l => l.Id).OrderByDescending(l => l.CreatedTime).ThenByDescending(l => l.Id).Take(limit)];

        async Task<List<LeadCard>> LeadsAsync(IQueryable<Lead> leads, string match) =>
            [.. (await leads.AsNoTracking()
                .OrderByDescending(l => l.CreatedTime).ThenByDescending(l => l.Id)
                .Take(limit + 1)
                .Select(l => new
                {
                    Card = new LeadCard(l.Id, l.FullName ?? l.Email ?? l.Phone ?? l.FacebookLeadId, l.FormName, l.FormId, l.CreatedTime, match),
                    l.StageKey,
                    StageName = db.Set<PipelineStage>().Where(s => s.Key == l.StageKey).Select(s => s.Name).FirstOrDefault(),
                })
                .ToListAsync(cancellationToken))
                .Select(r => r.Card with { Stage = r.StageName ?? PipelineStage.Defaults.FirstOrDefault(d => d.Key == r.StageKey).Name ?? r.StageKey })];
    }

    public async Task<IReadOnlyList<ConversationLink>> FindConversationsAsync(PersonKeys keys, int limit, CancellationToken cancellationToken)
    {
        var found = new List<ConversationLink>();
        if (keys.EmailKey is { } email)
        {
            found.AddRange(await ConversationsAsync(db.Conversations.Where(c => c.ContactEmailKey == email), SameEmail));
        }

        if (keys.PhoneKey is { } phone)
        {
            found.AddRange(await ConversationsAsync(db.Conversations.Where(c => c.ContactPhoneKey == phone), SamePhone));
        }

        if (keys.AdId is { } adId)
        {
            found.AddRange(await ConversationsAsync(db.Conversations.Where(c => c.ReferralAdId == adId), SameAd));
        }

        return [.. found.DistinctBy(c => c.Id).OrderByDescending(c => c.LastMessageAt).Take(limit)];

        async Task<List<ConversationLink>> ConversationsAsync(IQueryable<Conversation> conversations, string match) =>
            [.. (await conversations.AsNoTracking()
                .OrderByDescending(c => c.LastMessageAt)
                .Take(limit)
                .ToListAsync(cancellationToken))
                .Select(c => new ConversationLink(c.Id, c.CustomerLabel, c.State, c.LastMessageAt, match))];
    }
}
