namespace LeadOps.Web.Api;

/// <summary>The <c>Idempotency-Key</c> request header: a repeated request with the same key answers with the first one's outcome.</summary>
internal static class IdempotencyKey
{
    public const string Header = "Idempotency-Key";

    /// <summary>The key, or null when the header is absent or empty.</summary>
    public static string? Of(HttpRequest request) => request.Headers[Header].ToString() is { Length: > 0 } key ? key : null;
}
