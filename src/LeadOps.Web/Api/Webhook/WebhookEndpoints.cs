using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using LeadOps.Application.Leads;
using LeadOps.Infrastructure.Graph;
using LeadOps.Infrastructure.Webhooks;

namespace LeadOps.Web.Api.Webhook;

/// <summary>
/// Meta's webhook (leadgen and Messenger share it): GET verifies the subscription (<see cref="WebhookVerification"/>), POST checks the signature over the
/// raw bytes, stores the delivery durably and answers 200 at once; a worker does the rest.
/// </summary>
internal static class WebhookEndpoints
{
    /// <summary>
    /// The largest delivery accepted (413 above it, which Meta retries and never gets past). Meta batches up to 1000
    /// updates in one delivery; 1000 Messenger texts of 2000 characters, with non-Latin text escaped as <c>\uXXXX</c>,
    /// come to about 13 MB, so the limit leaves room for a whole batch.
    /// </summary>
    public const int MaxBodyBytes = 16 * 1024 * 1024;

    public static void MapWebhook(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/webhook", WebhookVerification.Verify).AllowAnonymous();
        endpoints.MapPost("/webhook", ReceiveAsync).AllowAnonymous().DisableAntiforgery();
    }

    private static async Task<IResult> ReceiveAsync(
        HttpContext context, IOptionsMonitor<FacebookOptions> options, WebhookInbox inbox, WebhookReceiveBudget budget, LeadMetrics metrics)
    {
        if (context.Request.ContentLength > MaxBodyBytes)
        {
            return Reject(metrics, StatusCodes.Status413PayloadTooLarge, "too_large");
        }

        // A request that cannot be signed (no app secret here, no or a malformed signature) is refused before its body
        // is read. A well-formed signature can still be made up, so the bodies read at once share one bound (the budget).
        var appSecret = options.CurrentValue.AppSecret;
        if (PresentedSignature(context.Request.Headers["X-Hub-Signature-256"].ToString(), appSecret) is not { } presented)
        {
            return Reject(metrics, StatusCodes.Status401Unauthorized, "signature");
        }

        using var lease = budget.Open(context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(appSecret!));
        using var buffer = new MemoryStream();
        if (await lease.ReadAsync(context.Request.Body, buffer, hmac, MaxBodyBytes, context.RequestAborted) is { } refused)
        {
            return Reject(metrics, refused, refused switch { StatusCodes.Status413PayloadTooLarge => "too_large", StatusCodes.Status408RequestTimeout => "too_slow", _ => "busy" });
        }

        var body = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        if (!CryptographicOperations.FixedTimeEquals(presented, hmac.GetHashAndReset()))
        {
            return Reject(metrics, StatusCodes.Status401Unauthorized, "signature");
        }

        string json;
        try
        {
            // Parsed from the bytes (the reader refuses invalid UTF-8), then decoded once for storage.
            using (var document = MetaWebhookJson.Parse(body))
            {
                if (!MetaWebhookJson.IsDelivery(document.RootElement))
                {
                    return Reject(metrics, StatusCodes.Status400BadRequest, "json");
                }
            }

            json = new UTF8Encoding(false, true).GetString(body.Span);
        }
        catch (Exception ex) when (ex is JsonException or DecoderFallbackException)
        {
            return Reject(metrics, StatusCodes.Status400BadRequest, "json");
        }

        await inbox.StoreAsync(json, context.RequestAborted);
        metrics.WebhookAccepted();
        return Results.Text("EVENT_RECEIVED", "text/plain");
    }

    /// <summary>
    /// The signature's 32 bytes (<c>sha256=&lt;hex HMAC-SHA256 of the raw body keyed with the app secret&gt;</c>, compared
    /// in constant time), or null when there is no app secret or the header is not <c>sha256=&lt;64 hex&gt;</c>.
    /// </summary>
    private static byte[]? PresentedSignature(string header, string? appSecret)
    {
        const string prefix = "sha256=";
        if (string.IsNullOrEmpty(appSecret) || !header.StartsWith(prefix, StringComparison.Ordinal) || header.Length != prefix.Length + 64)
        {
            return null;
        }

        try
        {
            return Convert.FromHexString(header.AsSpan(prefix.Length));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>Refused: counted by reason, answered with the status and a line saying why (Meta reads only the status).</summary>
    private static IResult Reject(LeadMetrics metrics, int status, string reason)
    {
        metrics.WebhookRejected(reason);
        var message = reason switch
        {
            "too_large" => $"The body is larger than {MaxBodyBytes} bytes.",
            "signature" => "The X-Hub-Signature-256 signature is missing or does not match the body.",
            "busy" => "Too many deliveries are being read at once; send this one again.",
            "too_slow" => "The body was not received in time; send it again.",
            _ => "The body is not a JSON object.",
        };
        return Results.Text(message, "text/plain", statusCode: status);
    }
}
