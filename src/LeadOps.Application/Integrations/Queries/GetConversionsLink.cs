using LeadOps.Application.Leads.Conversions;

namespace LeadOps.Application.Integrations.Queries;

/// <summary>The integration's dataset link for the Conversions API, or null when none is linked.</summary>
public sealed record GetConversionsLink(int IntegrationId) : IQuery<ConversionsLinkView?>;

internal sealed class GetConversionsLinkHandler(IConversionsRepository conversions) : IQueryHandler<GetConversionsLink, ConversionsLinkView?>
{
    public async ValueTask<ConversionsLinkView?> Handle(GetConversionsLink query, CancellationToken cancellationToken) =>
        await conversions.GetLinkAsync(query.IntegrationId, cancellationToken) is { } link ? ConversionsLinkView.From(link) : null;
}
