using LeadOps.Application.Account.Commands;
using LeadOps.Application.Account.Queries;

namespace LeadOps.Web.Api.Account;

/// <summary>Personal API keys over JSON (<c>/api/api-keys</c>): list, create (the key is in the answer once), revoke.</summary>
internal static class ApiKeysApi
{
    public static async Task<Ok<ApiKeyList>> ListAsync(ISender sender, CancellationToken ct) =>
        TypedResults.Ok(new ApiKeyList([.. (await sender.Send(new ListApiKeys(), ct)).Select(ApiKeyResponse.From)]));

    public static async Task<Created<CreatedApiKeyResponse>> CreateAsync(CreateApiKeyRequest request, ISender sender, HttpResponse response, CancellationToken ct)
    {
        var created = await sender.Send(new CreateApiKey(request.Name ?? string.Empty), ct);
        response.Headers.CacheControl = "no-store"; // the answer holds the key
        return TypedResults.Created($"/api/api-keys/{created.Id}", new CreatedApiKeyResponse(created.Id, created.Name, created.Key));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(Guid id, ISender sender, CancellationToken ct) =>
        (await sender.Send(new RevokeApiKey(id), ct)).ToHttp(_ => TypedResults.NoContent());

    internal sealed record CreateApiKeyRequest(string? Name);

    internal sealed record ApiKeyList(IReadOnlyList<ApiKeyResponse> ApiKeys);

    internal sealed record ApiKeyResponse(Guid Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt)
    {
        public static ApiKeyResponse From(ApiKeySummary k) => new(k.Id, k.Name, k.Prefix, k.CreatedAt, k.LastUsedAt, k.RevokedAt);
    }

    internal sealed record CreatedApiKeyResponse(Guid Id, string Name, string Key)
    {
        public override string ToString() => $"CreatedApiKeyResponse {{ Id = {Id}, Name = {Name} }}";
    }
}
