namespace LeadOps.GraphSandbox;

/// <summary>
/// A web page on another site can make a developer's browser send simple requests (a form post, a text/plain fetch) to
/// the sandbox on loopback. Browsers say where a request comes from: <c>Sec-Fetch-Site</c> (anything but same-origin or
/// none, the address bar) and <c>Origin</c> (another host and port, or <c>null</c>). Such requests are refused; tests and
/// scripts send neither header and go through.
/// </summary>
internal static class CrossOriginGuard
{
    public const string Refused = "The sandbox control API refuses requests from other sites' pages.";

    public static bool IsCrossOrigin(HttpRequest request)
    {
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0 && site is not ("same-origin" or "none"))
        {
            return true;
        }

        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return false;
        }

        return !Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            || !string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase)
            || !string.Equals(uri.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// A link from another page (LeadOps' empty states) to the console itself: a top-level GET of <c>/_sandbox</c>,
    /// which shows the page and changes nothing; what the console then sends is same-origin.
    /// </summary>
    public static bool IsConsoleNavigation(HttpRequest request) =>
        HttpMethods.IsGet(request.Method)
        && request.Headers["Sec-Fetch-Mode"] == "navigate"
        && request.Headers["Sec-Fetch-Dest"] == "document"
        && request.Path.Value is "/_sandbox" or "/_sandbox/";
}
