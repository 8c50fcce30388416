using LeadOps.Application.Leads.Queries;

namespace LeadOps.Application.Integrations.Queries;

/// <summary>One of the acting user's integrations with its state and forms (and how each form's last test lead arrived).</summary>
public sealed record GetIntegration(int IntegrationId) : IQuery<Result<IntegrationView>>;

internal sealed class GetIntegrationHandler(IntegrationAccess access, ILeadQueries leads)
    : IQueryHandler<GetIntegration, Result<IntegrationView>>
{
    public async ValueTask<Result<IntegrationView>> Handle(GetIntegration query, CancellationToken cancellationToken) =>
        await access.WithAsync(query.IntegrationId, async integration =>
        {
            var view = IntegrationView.From(integration, access.Now);
            var testLeads = view.Forms.Select(f => f.TestLeadId).OfType<string>().ToList();
            if (testLeads.Count == 0)
            {
                return Result<IntegrationView>.Ok(view);
            }

            var arrivals = await leads.ArrivalsAsync(testLeads, cancellationToken);
            return Result<IntegrationView>.Ok(view with
            {
                Forms = [.. view.Forms.Select(f => f.TestLeadId is { } id && arrivals.TryGetValue(id, out var arrival) ? f with { TestLeadArrival = arrival } : f)],
            });
        }, cancellationToken);
}
