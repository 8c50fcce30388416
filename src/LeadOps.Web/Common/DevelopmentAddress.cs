namespace LeadOps.Web.Common;

/// <summary>
/// In Development the app listens on http://localhost:5080 unless the address was chosen the usual ways
/// (<c>--urls</c>, <c>ASPNETCORE_URLS</c>, <c>ASPNETCORE_HTTP_PORTS</c>, <c>Kestrel:Endpoints</c>), which always win: the
/// launch profile names no address (ADR 0014).
/// </summary>
internal static class DevelopmentAddress
{
    public const string Default = "http://localhost:5080";

    public static void UseDefaultDevelopmentAddress(this IWebHostBuilder webHost, IConfiguration configuration, IHostEnvironment environment)
    {
        if (environment.IsDevelopment()
            && string.IsNullOrEmpty(configuration["urls"])
            && string.IsNullOrEmpty(configuration["http_ports"])
            && string.IsNullOrEmpty(configuration["https_ports"])
            && !configuration.GetSection("Kestrel:Endpoints").Exists())
        {
            webHost.UseUrls(Default);
        }
    }
}
