namespace LeadOps.GraphSandbox;

/// <summary>
/// <c>GET /_sandbox/favicon.svg</c>: the console's icon, named by its page's <c>link rel="icon"</c> as LeadOps' pages name
/// theirs, so the browser does not ask <c>/favicon.ico</c> (a Graph path the sandbox does not serve).
/// </summary>
internal static class ConsoleIcon
{
    public const string Path = "/_sandbox/favicon.svg";

    public const string Svg =
        """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#1877f2"/><path d="M9 8h14v4H13v2h10v10H9v-4h10v-2H9z" fill="#fff"/></svg>""";
}
