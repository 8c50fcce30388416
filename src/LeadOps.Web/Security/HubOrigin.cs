using Microsoft.AspNetCore.SignalR;

namespace LeadOps.Web.Security;

/// <summary>
/// The live hubs answer a signed-in browser only from LeadOps' own pages. A WebSocket is not held to CORS, and the
/// session cookie (SameSite=Lax) still goes with a request from a sibling site of the same domain: a page there could
/// otherwise listen to a user's Inbox and Leads pushes. A browser names the page's origin in <c>Origin</c>; one whose host
/// is not this site's (<c>null</c>, a sibling or another site) is a 403 ProblemDetails. Bearer-key clients carry no
/// ambient credential and are not checked; nor is a request without <c>Origin</c> (a browser names it on every
/// cross-site request and every WebSocket handshake).
/// </summary>
internal sealed class HubOrigin(RequestDelegate next)
{
    public const string Refused = "The live updates answer LeadOps' own pages only.";

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<HubMetadata>() is not null
            && PersonOnly.IsPerson(context.User)
            && context.Request.Headers.Origin.ToString() is { Length: > 0 } origin
            && !IsOwn(context.Request, origin))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await Results.Problem(Api.ApiResults.Problem(StatusCodes.Status403Forbidden, Refused, title: "Forbidden")).ExecuteAsync(context);
            return;
        }

        await next(context);
    }

    /// <summary>
    /// The page's host is the request's. Scheme and port are not compared: behind a proxy that ends TLS the request may be
    /// plain http on another port, while the host a browser names is the one the proxy passes on (as links need it).
    /// </summary>
    private static bool IsOwn(HttpRequest request, string origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var from)
        && Uri.TryCreate($"{request.Scheme}://{request.Host.Value}", UriKind.Absolute, out var own)
        && string.Equals(from.IdnHost, own.IdnHost, StringComparison.OrdinalIgnoreCase);
}
