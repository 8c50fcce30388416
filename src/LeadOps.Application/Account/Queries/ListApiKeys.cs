namespace LeadOps.Application.Account.Queries;

public sealed record ListApiKeys : IQuery<IReadOnlyList<ApiKeySummary>>;

public sealed record ApiKeySummary(Guid Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt);

internal sealed class ListApiKeysHandler(IApiKeyRepository keys) : IQueryHandler<ListApiKeys, IReadOnlyList<ApiKeySummary>>
{
    public async ValueTask<IReadOnlyList<ApiKeySummary>> Handle(ListApiKeys query, CancellationToken cancellationToken) =>
        (await keys.ListAsync(cancellationToken))
            .Select(k => new ApiKeySummary(k.Id, k.Name, k.Prefix, k.CreatedAt, k.LastUsedAt, k.RevokedAt))
            .ToList();
}
