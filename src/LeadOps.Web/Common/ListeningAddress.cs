namespace LeadOps.Web.Common;

/// <summary>
/// The address another process on this machine reaches the app at, from the addresses Kestrel really listens on
/// (<c>IServerAddressesFeature</c>, known once the server started): http before https, a wildcard host
/// (<c>+</c>, <c>*</c>, <c>0.0.0.0</c>, <c>[::]</c>) or <c>localhost</c> as 127.0.0.1.
/// </summary>
internal static class ListeningAddress
{
    public static Uri? Loopback(IEnumerable<string> addresses)
    {
        var parsed = addresses
            .Select(a => Uri.TryCreate(a.Replace("://+", "://0.0.0.0", StringComparison.Ordinal).Replace("://*", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri) ? uri : null)
            .OfType<Uri>()
            .OrderBy(u => u.Scheme == Uri.UriSchemeHttp ? 0 : 1)
            .FirstOrDefault();
        if (parsed is null)
        {
            return null;
        }

        var host = parsed.Host is "0.0.0.0" or "[::]" or "::" or "localhost" ? "127.0.0.1" : parsed.Host;
        return new UriBuilder(parsed.Scheme, host, parsed.Port).Uri;
    }
}
