using Microsoft.Extensions.Primitives;

namespace LeadOps.GraphSandbox;

/// <summary>Where a Graph call carries its token: <c>Authorization: Bearer</c> (or <c>OAuth</c>), else the <c>access_token</c> parameter.</summary>
internal static class AccessToken
{
    /// <summary>Where a route that reads a JSON body (the Conversions API) leaves the body's <c>access_token</c>.</summary>
    public const string JsonBodyTokenItem = "LeadOps.GraphSandbox.JsonBodyToken";

    public static string? Read(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        foreach (var scheme in (ReadOnlySpan<string>)["Bearer ", "OAuth "])
        {
            if (header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) && header.Length > scheme.Length)
            {
                return header[scheme.Length..].Trim();
            }
        }

        if (request.HttpContext.Items.TryGetValue(JsonBodyTokenItem, out var bodyToken) && bodyToken is string { Length: > 0 } fromBody)
        {
            return fromBody;
        }

        if (request.Query.TryGetValue("access_token", out var query) && !StringValues.IsNullOrEmpty(query))
        {
            return query.ToString();
        }

        return request.HasFormContentType && request.Form.TryGetValue("access_token", out var form) && !StringValues.IsNullOrEmpty(form)
            ? form.ToString()
            : null;
    }
}
