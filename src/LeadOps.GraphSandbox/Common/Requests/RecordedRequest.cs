namespace LeadOps.GraphSandbox;

/// <summary>
/// A Graph request as it reached the sandbox. Tests use it to prove that no token travelled in a URL
/// (<see cref="QueryString"/>) and that parameters such as the date filter had the documented form.
/// <see cref="AuthorizationScheme"/> is the scheme of the Authorization header (e.g. <c>Bearer</c>), never the token;
/// <see cref="FbTraceId"/> is the <c>fbtrace_id</c> the answer carried (header and error body).
/// </summary>
public sealed record RecordedRequest(
    DateTimeOffset Time,
    string Method,
    string Path,
    string QueryString,
    bool HasAuthorizationHeader,
    bool HasAccessTokenParameter,
    string? AppSecretProof,
    string? AppSecretTime,
    string? AuthorizationScheme = null,
    string? FbTraceId = null);
