using System.Diagnostics;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using LeadOps.Application.Outgoing;
using LeadOps.Domain.Outgoing;

namespace LeadOps.Infrastructure.Outgoing;

/// <summary>
/// Posts due deliveries, signed, to endpoints that are not paused. Each is claimed with one conditional UPDATE (a
/// lease), posted, and its outcome recorded with a line in the delivery log: a 2xx delivers it; anything else is
/// tried again with exponential backoff, and enough failures in a row pause the endpoint and alert its owner.
/// </summary>
internal sealed partial class WebhookPoster(
    IServiceScopeFactory scopes,
    IOwnerScopeFactory ownerScopes,
    IHttpClientFactory http,
    ITokenProtector protector,
    OutgoingWebhookOptions options,
    TimeProvider clock,
    ILogger<WebhookPoster> logger)
{
    public const string ClientName = "LeadOps.OutgoingWebhooks";

    private readonly string _id = $"outgoing/{Environment.ProcessId}/{Guid.NewGuid():N}";

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var handled = 0;
        foreach (var (id, ownerId) in await FindDueAsync(cancellationToken))
        {
            await using var scope = ownerScopes.CreateScope(ownerId);
            handled += await TryPostAsync(scope.ServiceProvider.GetRequiredService<LeadOpsDbContext>(), id, cancellationToken) ? 1 : 0;
        }

        return handled;
    }

    /// <summary>Looks across owners by design (the worker serves everyone); ids and owners only, each posted as its owner.</summary>
    private async Task<IReadOnlyList<(long Id, string OwnerId)>> FindDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LeadOpsDbContext>();
        var now = clock.GetUtcNow();
        var rows = await db.Set<OutgoingDelivery>().IgnoreQueryFilters([LeadOpsDbContext.OwnerFilter]).AsNoTracking()
            .Where(d => d.Status == DeliveryStatus.Pending).DueAt(now)
            .Join(db.Set<WebhookEndpoint>().IgnoreQueryFilters([LeadOpsDbContext.OwnerFilter]).Where(e => e.PausedAt == null), d => d.EndpointId, e => e.Id, (d, e) => d)
            .OrderBy(d => d.NextAttemptAt).ThenBy(d => d.Id).Take(options.BatchSize)
            .Select(d => new { d.Id, d.OwnerId }).ToListAsync(cancellationToken);
        return [.. rows.Select(r => (r.Id, r.OwnerId))];
    }

    private async Task<bool> TryPostAsync(LeadOpsDbContext db, long id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var claimed = await db.Set<OutgoingDelivery>()
            .Where(d => d.Id == id && d.Status == DeliveryStatus.Pending).DueAt(now)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.ClaimedBy, _id).SetProperty(d => d.ClaimedUntil, now + options.ClaimLease), cancellationToken);
        if (claimed == 0)
        {
            return false;
        }

        // The endpoint (and with it its deliveries) may be deleted at any time: then there is nothing left to post.
        if (await db.Set<OutgoingDelivery>().FirstOrDefaultAsync(d => d.Id == id, cancellationToken) is not { } delivery
            || await db.Set<WebhookEndpoint>().FirstOrDefaultAsync(e => e.Id == delivery.EndpointId, cancellationToken) is not { } endpoint)
        {
            return false;
        }

        var (status, error, elapsed) = await PostAsync(endpoint, delivery, cancellationToken);
        now = clock.GetUtcNow();
        db.Set<DeliveryAttempt>().Add(new DeliveryAttempt
        {
            EndpointId = endpoint.Id, DeliveryId = delivery.Id, EventName = delivery.EventName, At = now, StatusCode = status, DurationMs = elapsed, Error = error,
        });
        if (error is null)
        {
            delivery.Delivered(status!.Value, now);
            endpoint.RecordSuccess();
        }
        else
        {
            delivery.AttemptFailed(status, error, now, options.RetryDelay(delivery.Attempts + 1));
            if (endpoint.RecordFailure(options.PauseAfterFailures, now))
            {
                LogPaused(logger, endpoint.Id, endpoint.ConsecutiveFailures);
                db.Set<StaffAlert>().Add(StaffAlert.Create(
                    StaffAlertKeys.Paused(endpoint.Id, now), StaffAlertKind.EndpointPaused, null, $"Webhook endpoint paused: {endpoint.Url}",
                    $"LeadOps paused the webhook endpoint {endpoint.Url} after {endpoint.ConsecutiveFailures} failed attempts in a row (last: {error}). " +
                    "Its events wait for it: fix the receiver, then resume the endpoint on the Webhooks page.", now));
            }
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The lease lapsed mid-post and another worker took the row (it records the outcome, not this one), or the
            // endpoint was deleted meanwhile.
            LogClaimLapsed(logger, id);
        }
        catch (DbUpdateException)
        {
            if (await db.Set<WebhookEndpoint>().AsNoTracking().AnyAsync(e => e.Id == endpoint.Id, cancellationToken))
            {
                throw;
            }

            // The endpoint was deleted while its delivery was posted: its deliveries and their log went with it.
            LogClaimLapsed(logger, id);
        }

        return true;
    }

    private async Task<(int? Status, string? Error, int ElapsedMs)> PostAsync(WebhookEndpoint endpoint, OutgoingDelivery delivery, CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetBytes(delivery.Body);
        if (Secret(endpoint) is not { } secret)
        {
            return (null, SecretUnreadable, 0);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.TryAddWithoutValidation(WebhookSignature.HeaderName, WebhookSignature.Header(secret, clock.GetUtcNow(), body));
        request.Headers.TryAddWithoutValidation("X-LeadOps-Event", delivery.EventName);
        request.Headers.TryAddWithoutValidation("X-LeadOps-Delivery", delivery.EventId.ToString("D"));
        var started = Stopwatch.GetTimestamp();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Timeout);
        try
        {
            using var response = await http.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var code = (int)response.StatusCode;
            return (code, code is >= 200 and < 300 ? null : $"The endpoint answered {code}.", Elapsed(started));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, $"No answer within {options.Timeout.TotalSeconds:0} s.", Elapsed(started));
        }
        catch (HttpRequestException ex)
        {
            return (null, ex.InnerException is RefusedAddressException refused ? refused.Message : $"Could not connect ({ex.HttpRequestError}).", Elapsed(started));
        }
    }

    /// <summary>The attempt's error when the endpoint's signing secret cannot be read.</summary>
    private const string SecretUnreadable = "LeadOps cannot read this endpoint's signing secret (its keys have changed): delete the endpoint and add it again to get a new secret.";

    /// <summary>
    /// The endpoint's signing secret, or null when the key ring cannot unprotect it (its keys were lost or rotated
    /// away): then nothing unsigned is sent, the attempt fails like any other and enough of them pause the endpoint.
    /// </summary>
    private string? Secret(WebhookEndpoint endpoint)
    {
        try
        {
            return protector.Unprotect(endpoint.ProtectedSecret);
        }
        catch (CryptographicException ex)
        {
            LogSecretUnreadable(logger, endpoint.Id, ex.GetType().Name);
            return null;
        }
    }

    private static int Elapsed(long started) => (int)Math.Min(int.MaxValue, Stopwatch.GetElapsedTime(started).TotalMilliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook endpoint {EndpointId} paused after {Failures} failed attempts in a row")]
    private static partial void LogPaused(ILogger logger, int endpointId, int failures);

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook endpoint {EndpointId}: its signing secret cannot be unprotected ({Error})")]
    private static partial void LogSecretUnreadable(ILogger logger, int endpointId, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outgoing delivery {DeliveryId}: the claim lapsed (or its endpoint was deleted) before the outcome was recorded")]
    private static partial void LogClaimLapsed(ILogger logger, long deliveryId);
}
