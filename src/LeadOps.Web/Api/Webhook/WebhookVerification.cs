using LeadOps.Infrastructure.Graph;

namespace LeadOps.Web.Api.Webhook;

/// <summary>
/// Meta's verification handshake, <c>GET /webhook?hub.mode=subscribe&amp;hub.verify_token=…&amp;hub.challenge=…</c>: the
/// challenge back as plain text when the token is the configured one, 403 otherwise. Each name is also read with an
/// underscore for its dot (<c>hub_mode</c>, as PHP receivers and their tests write it), and a request without a mode is
/// taken as a subscription (n8n's Lead Ads trigger is verified so); any other mode is refused. The token decides.
/// </summary>
internal static class WebhookVerification
{
    public static IResult Verify(HttpRequest request, IOptionsMonitor<FacebookOptions> options)
    {
        var expected = options.CurrentValue.VerifyToken;
        var mode = Hub(request, "mode");
        var token = Hub(request, "verify_token");
        return mode is "" or "subscribe" && !string.IsNullOrEmpty(expected) && Secrets.FixedTimeEquals(token, expected)
            ? Results.Text(Hub(request, "challenge"), "text/plain")
            : Results.Text("Webhook verification failed: wrong hub.mode or hub.verify_token.", "text/plain", statusCode: StatusCodes.Status403Forbidden);
    }

    /// <summary><c>hub.{name}</c>, else <c>hub_{name}</c>; empty when neither is given.</summary>
    private static string Hub(HttpRequest request, string name) =>
        request.Query[$"hub.{name}"].ToString() is { Length: > 0 } dotted ? dotted : request.Query[$"hub_{name}"].ToString();
}
