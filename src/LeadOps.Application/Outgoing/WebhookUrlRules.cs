using System.Net;
using System.Net.Sockets;

namespace LeadOps.Application.Outgoing;

/// <summary>
/// Where LeadOps may post (SSRF): https to a public address; plain http to loopback only where
/// <c>OutgoingWebhooks:AllowLoopbackHttp</c> allows it (Development, tests). Checked when an endpoint is registered (the
/// URL) and again on every connection (the address its name resolves to then).
/// </summary>
public static class WebhookUrlRules
{
    /// <summary>What is wrong with the URL, or null when it may be registered.</summary>
    public static string? Problem(string? url, bool allowLoopbackHttp)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || string.IsNullOrEmpty(uri.Host))
        {
            return "Give a full https:// address.";
        }

        if (!string.IsNullOrEmpty(uri.UserInfo) || !string.IsNullOrEmpty(uri.Fragment))
        {
            return "The address may not hold a user name, password or #fragment.";
        }

        var loopback = uri.IsLoopback;
        if (uri.Scheme == "http" && !(loopback && allowLoopbackHttp))
        {
            return "Only https:// addresses are accepted.";
        }

        if (loopback && !allowLoopbackHttp)
        {
            return "Local and private addresses are not accepted.";
        }

        return IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && !MayConnect(ip, allowLoopbackHttp)
            ? "Local and private addresses are not accepted."
            : null;
    }

    /// <summary>Whether a connection to this address is allowed: public ones always, loopback only when allowed.</summary>
    public static bool MayConnect(IPAddress address, bool allowLoopback)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address))
        {
            return allowLoopback;
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            return !(address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal || address.IsIPv6Multicast || address.Equals(IPAddress.IPv6None) || address.Equals(IPAddress.IPv6Any));
        }

        var b = address.GetAddressBytes();
        return !(b[0] is 0 or 10 or 127 || b[0] >= 224
            || (b[0] == 100 && b[1] >= 64 && b[1] < 128)
            || (b[0] == 169 && b[1] == 254)
            || (b[0] == 172 && b[1] >= 16 && b[1] < 32)
            || (b[0] == 192 && b[1] == 168)
            || (b[0] == 192 && b[1] == 0 && b[2] is 0 or 2)
            || (b[0] == 198 && b[1] is 18 or 19)
            || (b[0] == 198 && b[1] == 51 && b[2] == 100)
            || (b[0] == 203 && b[1] == 0 && b[2] == 113));
    }
}
