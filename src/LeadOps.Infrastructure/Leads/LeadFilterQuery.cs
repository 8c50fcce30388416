using LeadOps.Application.Leads.Queries;

namespace LeadOps.Infrastructure.Leads;

/// <summary>The lead list's filters as one query, so the list, its API and its export select the same leads.</summary>
internal static class LeadFilterQuery
{
    public static IQueryable<Lead> Filtered(this IQueryable<Lead> query, LeadFilter filter)
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

        if (filter.Since is { } since)
        {
            query = query.Where(l => l.CreatedTime >= since);
        }

        if (filter.Until is { } until)
        {
            query = query.Where(l => l.CreatedTime < until);
        }

        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var text = filter.Text.Trim();
            query = query.Where(l => l.FullName!.Contains(text) || l.Email!.Contains(text) || l.Phone!.Contains(text));
        }

        return query;
    }
}
