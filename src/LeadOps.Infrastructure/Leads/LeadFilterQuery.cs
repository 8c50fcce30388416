using LeadOps.Application.Leads.Queries;

namespace LeadOps.Infrastructure.Leads;

/// <summary>The lead list's filters as one query, so the list, its API and its export select the same leads.</summary>
internal static class LeadFilterQuery
{
    public static IQueryable<Lead> Filtered(this IQueryable<Lead> query, LeadFilter filter, IQueryable<LeadSearchTerm> terms)
    {
        if (!string.IsNullOrWhiteSpace(filter.FormId))
        {
            query = query.Where(l => l.FormId == filter.FormId);
        }

        if (filter.IntegrationId is { } integrationId)
        {
            query = query.Where(l => l.IntegrationId == integrationId);
        }

        if (filter.Source is { } source)
        {
            query = query.Where(l => l.Source == source);
        }

        if (filter.Welcome is { } welcome)
        {
            query = query.Where(l => l.WelcomeStatus == welcome);
        }

        if (filter.Stage is { Length: > 0 } stage)
        {
            query = query.Where(l => l.StageKey == stage);
        }

        if (filter.Since is { } since)
        {
            query = query.Where(l => l.CreatedTime >= since);
        }

        if (filter.Until is { } until)
        {
            query = query.Where(l => l.CreatedTime < until);
        }

        return string.IsNullOrWhiteSpace(filter.Text) ? query : Matching(query, filter.Text, terms);
    }

    /// <summary>
    /// Leads with a term starting with each folded word of the search (ADR 0017): every word is a range of the
    /// (owner, term) index, so the search reads the matching terms only. A search with no word to look for finds nothing.
    /// </summary>
    private static IQueryable<Lead> Matching(IQueryable<Lead> query, string text, IQueryable<LeadSearchTerm> terms)
    {
        var prefixes = SearchFolding.QueryPrefixes(text);
        if (prefixes.Count == 0)
        {
            return query.Where(l => false);
        }

        foreach (var prefix in prefixes)
        {
            var upper = SearchFolding.UpperBound(prefix);
            var leadIds = terms.Where(t => string.Compare(t.Term, prefix) >= 0 && string.Compare(t.Term, upper) < 0).Select(t => t.LeadId);
            query = query.Where(l => leadIds.Contains(l.Id));
        }

        return query;
    }
}
