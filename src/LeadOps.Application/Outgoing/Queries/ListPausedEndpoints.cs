namespace LeadOps.Application.Outgoing.Queries;

/// <summary>The addresses of the user's webhook endpoints that paused themselves after repeated failure.</summary>
public sealed record ListPausedEndpoints : IQuery<IReadOnlyList<string>>;

internal sealed class ListPausedEndpointsHandler(IOutgoingWebhookStore store) : IQueryHandler<ListPausedEndpoints, IReadOnlyList<string>>
{
    public async ValueTask<IReadOnlyList<string>> Handle(ListPausedEndpoints query, CancellationToken cancellationToken) => await store.PausedAsync(cancellationToken);
}
