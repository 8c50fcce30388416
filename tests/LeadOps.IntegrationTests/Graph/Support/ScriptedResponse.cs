using System.Text.Json;

namespace LeadOps.IntegrationTests.Graph.Support;

/// <summary>A canned answer of <see cref="ScriptedGraphServer"/>.</summary>
public sealed record ScriptedResponse(int Status, string? Body, IReadOnlyDictionary<string, string> Headers, bool Hang = false)
{
    public static ScriptedResponse Json(string json, int status = 200, IReadOnlyDictionary<string, string>? headers = null) =>
        new(status, json, headers ?? new Dictionary<string, string>());

    public static ScriptedResponse Json(object value, int status = 200, IReadOnlyDictionary<string, string>? headers = null) =>
        Json(JsonSerializer.Serialize(value), status, headers);

    /// <summary>Graph's error body, by default with HTTP 400 as Meta sends for most errors (throttles included).</summary>
    public static ScriptedResponse GraphError(
        int code,
        int? subcode = null,
        int status = 400,
        string? message = null,
        IReadOnlyDictionary<string, string>? headers = null) =>
        Json(
            new
            {
                error = new
                {
                    message = message ?? $"(#{code}) scripted error",
                    type = "OAuthException",
                    code,
                    error_subcode = subcode,
                    fbtrace_id = $"trace-{code}",
                },
            },
            status,
            headers);

    /// <summary>An answer with a status and no body (a proxy's 502, a bare 503).</summary>
    public static ScriptedResponse Empty(int status) => new(status, null, new Dictionary<string, string>());

    /// <summary>Never answers; the request ends only when the client gives up.</summary>
    public static ScriptedResponse Hanging() => new(0, null, new Dictionary<string, string>(), Hang: true);
}
