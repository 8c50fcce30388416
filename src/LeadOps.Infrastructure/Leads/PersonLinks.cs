using System.Linq.Expressions;
using LeadOps.Application.Leads.Stages;

namespace LeadOps.Infrastructure.Leads;

/// <summary>
/// Leads and conversations of the same person (ADR 0022): one indexed lookup per key, (owner, key) on leads and on
/// conversations, merged in memory (a handful of rows), newest first.
/// </summary>
internal sealed class PersonLinks(LeadOpsDbContext db, IStageRepository stages) : IPersonLinks
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
        var found = await ByEachKeyAsync(keys, db.Leads, l => l.EmailKey, l => l.PhoneKey, l => l.AdId, async (leads, match) =>
            await leads.AsNoTracking()
                .OrderByDescending(l => l.CreatedTime).ThenByDescending(l => l.Id)
                .Take(limit + 1)
                .Select(l => new LeadCard(l.Id, l.FullName ?? l.Email ?? l.Phone ?? l.FacebookLeadId, l.FormName, l.FormId, l.CreatedTime, match) { Stage = l.StageKey })
                .ToListAsync(cancellationToken));
        var cards = found.Where(l => l.Id != exceptLeadId).DistinctBy(l => l.Id).OrderByDescending(l => l.CreatedTime).ThenByDescending(l => l.Id).Take(limit).ToList();
        if (cards.Count == 0)
        {
            return cards;
        }

        // The stage's name as the owner calls it now: their stages read once, the same rule as the lead page.
        var named = await stages.ListStagesAsync(cancellationToken);
        return [.. cards.Select(c => c with { Stage = StageNames.Of(named, c.Stage!) })];
    }

    public async Task<IReadOnlyList<ConversationLink>> FindConversationsAsync(PersonKeys keys, int limit, CancellationToken cancellationToken)
    {
        var found = await ByEachKeyAsync(keys, db.Conversations, c => c.ContactEmailKey, c => c.ContactPhoneKey, c => c.ReferralAdId, async (conversations, match) =>
            (await conversations.AsNoTracking()
                .OrderByDescending(c => c.LastMessageAt)
                .Take(limit)
                .ToListAsync(cancellationToken))
                .Select(c => new ConversationLink(c.Id, c.CustomerLabel, c.State, c.LastMessageAt, match)).ToList());
        return [.. found.DistinctBy(c => c.Id).OrderByDescending(c => c.LastMessageAt).Take(limit)];
    }

    /// <summary>
    /// One indexed lookup for each key the person has (e-mail, phone, ad) on the column that holds it, read by
    /// <paramref name="read"/> with how the rows matched.
    /// </summary>
    private static async Task<List<T>> ByEachKeyAsync<TRow, T>(
        PersonKeys keys,
        IQueryable<TRow> rows,
        Expression<Func<TRow, string?>> email,
        Expression<Func<TRow, string?>> phone,
        Expression<Func<TRow, string?>> ad,
        Func<IQueryable<TRow>, string, Task<List<T>>> read)
    {
        var found = new List<T>();
        foreach (var (value, column, match) in new[] { (keys.EmailKey, email, SameEmail), (keys.PhoneKey, phone, SamePhone), (keys.AdId, ad, SameAd) })
        {
            if (value is not null)
            {
                // The value goes in as a closure, as in a hand-written Where: a parameter in the SQL.
                Expression<Func<string>> key = () => value;
                found.AddRange(await read(rows.Where(Expression.Lambda<Func<TRow, bool>>(Expression.Equal(column.Body, key.Body), column.Parameters)), match));
            }
        }

        return found;
    }
}
