using System.Net;
using System.Net.Sockets;

namespace LeadOps.Application.Outgoing;

/// <summary>
/// Where LeadOps may post (SSRF): https to a public address; plain http to loopback only where
/// <c>OutgoingWebhooks:AllowLoopbackHttp</c> allows it (Development, tests). Checked when an endpoint is registered (the
/// URL) and again on every connection (the address its name resolves to then). An IPv6 address that carries an IPv4 one
/// (NAT64, 6to4, IPv4-compatible, SIIT's IPv4-translated) is judged by the IPv4 address it carries; Teredo and other never-public IPv6 ranges are refused.
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
            return EmbeddedIPv4(address) is { } inner
                ? MayConnect(inner, allowLoopback)
                : !(address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal || address.IsIPv6Multicast || address.IsIPv6Teredo
                    || address.Equals(IPAddress.IPv6None) || address.Equals(IPAddress.IPv6Any) || NeverPublic(address.GetAddressBytes()));
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

    /// <summary>
    /// The IPv4 address an IPv6 one stands for, so that it is judged by the IPv4 rules: NAT64 (64:ff9b::/96), 6to4
    /// (2002::/16), the old IPv4-compatible form (::a.b.c.d) and the IPv4-translated form of SIIT (::ffff:0:a.b.c.d, RFC
    /// 2765). Null for any other address.
    /// </summary>
    private static IPAddress? EmbeddedIPv4(IPAddress address)
    {
        var b = address.GetAddressBytes();
        if (b[0] == 0x20 && b[1] == 0x02)
        {
            return new IPAddress(b.AsSpan(2, 4));
        }

        var nat64 = b[0] == 0 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && b.AsSpan(4, 8).IndexOfAnyExcept((byte)0) < 0;
        var compatible = b.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0 && !address.Equals(IPAddress.IPv6Any) && !address.Equals(IPAddress.IPv6Loopback);
        var translated = b.AsSpan(0, 8).IndexOfAnyExcept((byte)0) < 0 && b[8] == 0xff && b[9] == 0xff && b[10] == 0 && b[11] == 0;
        return nat64 || compatible || translated ? new IPAddress(b.AsSpan(12, 4)) : null;
    }

    /// <summary>IPv6 ranges that are never a public endpoint: local-use NAT64 (64:ff9b:1::/48), discard-only (100::/64), documentation (2001:db8::/32).</summary>
    private static bool NeverPublic(byte[] b) =>
        (b[0] == 0 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && b[4] == 0 && b[5] == 1)
        || (b[0] == 1 && b[1] == 0 && b.AsSpan(2, 6).IndexOfAnyExcept((byte)0) < 0)
        || (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8);
}
