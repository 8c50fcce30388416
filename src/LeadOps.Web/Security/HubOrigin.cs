using Microsoft.AspNetCore.SignalR;

namespace LeadOps.Web.Security;

/// <summary>
/// The live hubs answer a signed-in browser only from LeadOps' own pages. A WebSocket is not held to CORS, and the
/// session cookie (SameSite=Lax) still goes with a request from a sibling site of the same domain: a page there could
/// otherwise listen to a user's Inbox and Leads pushes. A browser that sends Fetch Metadata says where the request comes
/// from in <c>Sec-Fetch-Site</c>, worked out from its own URLs whatever a proxy does to <c>Host</c>: only
/// <c>same-origin</c> passes. Without it, the host the browser names in <c>Origin</c> must be the request's (<c>null</c>,
/// a sibling or another site is refused). A refusal is a 403 ProblemDetails, logged with both hosts. Bearer-key clients
/// carry no ambient credential and are not checked; nor is a request with neither header (a browser names its origin on
/// every WebSocket handshake and every POST, and the other transports need a token only the negotiate POST returns).
/// </summary>
internal sealed partial class HubOrigin(RequestDelegate next, ILogger<HubOrigin> logger)
{
    public const string Refused = "The live updates answer LeadOps' own pages only.";

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<HubMetadata>() is not null && PersonOnly.IsPerson(context.User) && !FromOwnPage(context.Request))
        {
            LogRefused(logger, Host(context.Request.Headers.Origin.ToString()), context.Request.Host.Host, FetchSite(context.Request));
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await Results.Problem(Api.ApiResults.Problem(StatusCodes.Status403Forbidden, Refused, title: "Forbidden")).ExecuteAsync(context);
            return;
        }

        await next(context);
    }

    /// <summary>
    /// <c>Sec-Fetch-Site</c> when the browser sends it; else the <c>Origin</c> host against the request's. Scheme and port
    /// are not compared: behind a proxy that ends TLS the request is plain http on another port.
    /// </summary>
    private static bool FromOwnPage(HttpRequest request)
    {
        if (FetchSite(request) is { } site)
        {
            return site == "same-origin";
        }

        var origin = request.Headers.Origin.ToString();
        return origin.Length == 0
            || (Host(origin) is { } from && Host($"{request.Scheme}://{request.Host.Value}") is { } own && string.Equals(from, own, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The browser's <c>Sec-Fetch-Site</c> (one of the four values the standard names, else "other"); null when not sent.</summary>
    private static string? FetchSite(HttpRequest request) => request.Headers["Sec-Fetch-Site"].ToString() switch
    {
        "" => null,
        var site when site is "same-origin" or "same-site" or "cross-site" or "none" => site,
        _ => "other",
    };

    private static string? Host(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.IdnHost : null;

    [LoggerMessage(Level = LogLevel.Warning, Message = "A live-update connection was refused: its page's host {OriginHost} is not this site's {Host} (Sec-Fetch-Site {FetchSite}); a proxy in front of LeadOps must pass the public Host on.")]
    private static partial void LogRefused(ILogger logger, string? originHost, string host, string? fetchSite);
}
