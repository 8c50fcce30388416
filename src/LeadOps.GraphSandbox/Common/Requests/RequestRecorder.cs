namespace LeadOps.GraphSandbox;

/// <summary>Middleware that records every Graph request (not the control API) in <see cref="SandboxState.Requests"/> before it is handled.</summary>
internal static class RequestRecorder
{
    public static async Task RecordAsync(HttpContext http, RequestDelegate next)
    {
        var request = http.Request;
        if (!request.Path.StartsWithSegments("/_sandbox", StringComparison.Ordinal)
            && !request.Path.StartsWithSegments("/favicon.ico", StringComparison.Ordinal))
        {
            if (request.HasFormContentType)
            {
                await request.ReadFormAsync(http.RequestAborted);
            }

            var state = http.RequestServices.GetRequiredService<SandboxState>();
            state.RequestLog.Add(new RecordedRequest(
                state.Now,
                request.Method,
                request.Path.ToString(),
                request.QueryString.ToString(),
                request.Headers.Authorization.Count > 0,
                request.Query.ContainsKey("access_token") || (request.HasFormContentType && request.Form.ContainsKey("access_token")),
                Param(request, "appsecret_proof"),
                Param(request, "appsecret_time"),
                AuthorizationScheme(request),
                TraceIds.Of(http)));
        }

        await next(http);
    }

    private static string? AuthorizationScheme(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString().Trim();
        if (header.Length == 0)
        {
            return null;
        }

        var space = header.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? "(none)" : header[..space];
    }

    /// <summary>A query or form parameter as sent, empty or not.</summary>
    private static string? Param(HttpRequest request, string name)
    {
        if (request.Query.TryGetValue(name, out var value))
        {
            return value.ToString();
        }

        return request.HasFormContentType && request.Form.TryGetValue(name, out var formValue) ? formValue.ToString() : null;
    }
}
