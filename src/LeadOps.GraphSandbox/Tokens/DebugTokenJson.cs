namespace LeadOps.GraphSandbox;

/// <summary><c>debug_token</c>'s answer: <c>{"data":{…}}</c> about the input token.</summary>
internal sealed record DebugTokenJson(DebugTokenJson.TokenData Data)
{
    internal sealed record TokenData(
        string? AppId, string? Type, string? Application, long? DataAccessExpiresAt, TokenError? Error, long? ExpiresAt,
        bool IsValid, long? IssuedAt, string? ProfileId, IReadOnlyList<string> Scopes, string? UserId);

    internal sealed record TokenError(int Code, string Message, int? Subcode);
}
