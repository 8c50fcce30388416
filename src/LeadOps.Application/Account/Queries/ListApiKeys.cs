namespace LeadOps.Application.Account.Queries;

public sealed record ListApiKeys : IQuery<IReadOnlyList<ApiKeySummary>>;

internal sealed class ListApiKeysHandler(IApiKeyRepository keys) : IQueryHandler<ListApiKeys, IReadOnlyList<ApiKeySummary>>
{
    public async ValueTask<IReadOnlyList<ApiKeySummary>> Handle(ListApiKeys query, CancellationToken cancellationToken) =>
        (await keys.ListAsync(cancellationToken))
            .Select(k => new ApiKeySummary(k.Id, k.Name, k.Prefix, k.CreatedAt, k.LastUsedAt, k.RevokedAt))
            .ToList();
}
