using System.Net;
using System.Net.Sockets;
using LeadOps.Application.Outgoing;

namespace LeadOps.Infrastructure.Outgoing;

/// <summary>
/// The outgoing webhooks' connection step (SSRF guard): resolves the host, keeps only the addresses
/// <see cref="WebhookUrlRules.MayConnect"/> allows, and connects to the first that answers. A name that points inside
/// the network (or is changed to after registration) is refused here, on every connection.
/// </summary>
internal static class SafeConnect
{
    public static SocketsHttpHandler Handler(OutgoingWebhookOptions options) => new()
    {
        AllowAutoRedirect = false,
        UseProxy = false,
        UseCookies = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectCallback = (context, ct) => ConnectAsync(context.DnsEndPoint, options.AllowLoopbackHttp, ct),
    };

    private static async ValueTask<Stream> ConnectAsync(DnsEndPoint endpoint, bool allowLoopback, CancellationToken cancellationToken)
    {
        var addresses = IPAddress.TryParse(endpoint.Host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(endpoint.Host, cancellationToken);
        var allowed = addresses.Where(a => WebhookUrlRules.MayConnect(a, allowLoopback)).ToList();
        if (allowed.Count == 0)
        {
            throw new RefusedAddressException($"{endpoint.Host} resolves to a local or private address; LeadOps does not connect there.");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync([.. allowed], endpoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
