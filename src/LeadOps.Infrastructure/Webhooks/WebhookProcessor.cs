using System.Runtime.ExceptionServices;
using LeadOps.Application.Common;
using LeadOps.Application.Conversations.Commands;
using LeadOps.Application.Leads;
using LeadOps.Application.Leads.Commands;
using Mediator;

namespace LeadOps.Infrastructure.Webhooks;

/// <summary>
/// Works through stored webhook deliveries: routes each change to the owners of the page's integrations and
/// processes it as them. A failure of any kind retries the delivery with backoff (processing is idempotent) until
/// <see cref="WebhookOptions.MaxAttempts"/>, then it is Failed with its error (staff may retry it); a page no
/// integration knows is kept as Unroutable and reported, not retried forever. The claim on a delivery is renewed
/// while it is worked on (<see cref="DeliveryClaim"/>), so a long one is never started again by another node. With no
/// delivery due, old delivery bodies are emptied and held Messenger events whose page works again are released
/// (<see cref="WebhookIdlePass"/>).
/// </summary>
internal sealed class WebhookProcessor(
    IServiceScopeFactory scopes,
    IOwnerScopeFactory ownerScopes,
    WebhookSignal signal,
    WebhookIdlePass idle,
    WorkerHealth health,
    IOptions<WebhookOptions> options,
    TimeProvider clock,
    ILogger<WebhookProcessor> logger) : PollingWorker(signal, health, logger)
{
    public const string WorkerName = "webhooks";

    /// <summary>What a delivery's error says after a bug (an exception LeadOps does not expect), after the exception's type.</summary>
    public const string UnexpectedError = "(an unexpected error; see the log)";
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(5);

    protected override string Name => WorkerName;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        RunAsync(options.Value.WorkerEnabled, WebhookOptions.SectionName, PollInterval, stoppingToken);

    /// <summary>
    /// Claims and processes one due delivery: 1 when one was due (even if another node claimed it first, so the caller
    /// looks again). When none is due, empties old bodies (at most hourly) and releases held events whose integration's token works again: how many, 0 when none.
    /// </summary>
    public override async Task<int> ProcessDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LeadOpsDbContext>();
        var now = clock.GetUtcNow();
        var candidate = await db.WebhookDeliveries.AsNoTracking()
            .Where(d => d.Status == WebhookDeliveryStatus.Pending && d.NextAttemptAt <= now)
            .OrderBy(d => d.NextAttemptAt).ThenBy(d => d.Id)
            .Select(d => new { d.Id, d.NextAttemptAt })
            .FirstOrDefaultAsync(cancellationToken);
        if (candidate is null)
        {
            return await idle.RunAsync(cancellationToken);
        }

        // Claim with an atomic conditional update: on several nodes only one wins the lease.
        var lease = options.Value.ClaimLease;
        var leaseEnd = now + lease;
        var claimed = await db.WebhookDeliveries
            .Where(d => d.Id == candidate.Id && d.Status == WebhookDeliveryStatus.Pending && d.NextAttemptAt == candidate.NextAttemptAt)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.NextAttemptAt, leaseEnd).SetProperty(d => d.Attempts, d => d.Attempts + 1), cancellationToken);
        if (claimed == 0)
        {
            return 1;
        }

        var delivery = await db.WebhookDeliveries.Include(d => d.Pages).Include(d => d.Failures).SingleAsync(d => d.Id == candidate.Id, cancellationToken);
        using var work = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var claim = new DeliveryClaim(scopes, delivery.Id, leaseEnd, lease, clock, work, Logger);
        await using (claim)
        {
            try
            {
                await ProcessAsync(db, delivery, work.Token);
            }
            catch (OperationCanceledException) when (claim.Lost && !cancellationToken.IsCancellationRequested)
            {
                // Another worker holds the delivery now; it records the outcome.
            }
        }

        if (!claim.Lost)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return 1;
    }

    private async Task ProcessAsync(LeadOpsDbContext db, WebhookDelivery delivery, CancellationToken ct)
    {
        // Why each owner's events of each page failed on this attempt: the failed delivery is shown to those owners alone
        // (another user of the same page whose events were handled sees nothing of it). Only when every event was tried: an
        // attempt that stopped part-way (a Graph refusal of a Messenger event, a database error) failed as a whole, for the
        // pages it never reached too.
        var pageErrors = new Dictionary<(string PageId, string OwnerId), string>();
        var everyEventTried = false;
        try
        {
            using var json = MetaWebhookJson.Parse(delivery.Body);
            delivery.RecordPages(WebhookPayload.Entries(json.RootElement).Select(e => WebhookPayload.Id(e, "id")).OfType<string>());
            var unknownPages = new HashSet<string>(StringComparer.Ordinal);
            var handled = 0;
            ExceptionDispatchInfo? failed = null;
            // An owner whose event failed on a page gets none of its later events of that page in this delivery now: they come
            // on the retry, after it. Its other pages' events do not depend on that one's order and are handled now.
            var failedOwners = new HashSet<(string OwnerId, string PageId)>();
            // An owner whose lead read Graph refused for now (throttled, down) keeps its later leads of that page for the
            // delivery's next attempt; the page's other owners, and other pages, have theirs read now instead of waiting
            // behind it. The attempt that comes back finds what was stored here already stored.
            ExceptionDispatchInfo? heldBack = null;
            var readsHeldBack = new HashSet<(string OwnerId, string PageId)>();
            var routes = new Dictionary<string, IReadOnlyList<(int IntegrationId, string OwnerId, bool Held)>>(StringComparer.Ordinal);

            // Each event goes to every integration of its page, as that integration's owner; a page no integration knows is
            // noted. An integration whose token is known not to work gets its Messenger events held (ADR 0012, "Held events").
            async Task<IReadOnlyList<(int IntegrationId, string OwnerId, bool Held)>> OwnersAsync(string pageId)
            {
                if (!routes.TryGetValue(pageId, out var owners))
                {
                    routes[pageId] = owners = await RouteAsync(db, pageId, ct);
                }

                return owners;
            }

            // readLeads: the event is a lead to read, and a Graph refusal of one owner's read holds back only that owner's.
            async Task ForEachOwnerAsync(string pageId, Func<(int Id, bool Held), IServiceProvider, Task> handle, bool readLeads = false)
            {
                var owners = await OwnersAsync(pageId);
                if (owners.Count == 0)
                {
                    unknownPages.Add(pageId);
                }

                foreach (var (integrationId, ownerId, held) in owners.Where(o => !failedOwners.Contains((o.OwnerId, pageId)) &&
                             !(readLeads && readsHeldBack.Contains((o.OwnerId, pageId)))))
                {
                    try
                    {
                        await using var ownerScope = ownerScopes.CreateScope(ownerId);
                        await handle((integrationId, held), ownerScope.ServiceProvider);
                        handled++;
                    }
                    catch (GraphApiException ex) when (readLeads)
                    {
                        heldBack ??= ExceptionDispatchInfo.Capture(ex);
                        readsHeldBack.Add((ownerId, pageId));
                        pageErrors.TryAdd((pageId, ownerId), Describe(ex));
                    }
                    catch (GraphApiException ex)
                    {
                        pageErrors.TryAdd((pageId, ownerId), Describe(ex));
                        throw;
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        // One integration's event that fails (its token unreadable, a bug) must not cost the delivery's other
                        // pages and owners their leads and messages: they are handled now, and the delivery is tried again
                        // afterwards for this one, like a Graph failure (below). This owner's later events of the page wait for
                        // that retry, so they are never handled before the one that failed.
                        Logger.LogWarning("Webhook delivery {DeliveryId}: an event for integration {IntegrationId} failed ({Error}); the others go on", delivery.Id, integrationId, ex.GetType().Name);
                        failed ??= ExceptionDispatchInfo.Capture(ex);
                        failedOwners.Add((ownerId, pageId));
                        pageErrors.TryAdd((pageId, ownerId), $"{ex.GetType().Name} {UnexpectedError}");
                    }
                }
            }

            foreach (var announced in WebhookPayload.LeadgenChanges(json.RootElement))
            {
                // A value naming a page no integration knows, in the entry of a page one does, is taken as the entry's.
                var change = announced.EntryPageId is { } entryPage && entryPage != announced.PageId &&
                    (await OwnersAsync(announced.PageId)).Count == 0 && (await OwnersAsync(entryPage)).Count > 0
                        ? announced with { PageId = entryPage }
                        : announced;
                await ForEachOwnerAsync(change.PageId, async (integration, services) =>
                {
                    var integrationId = integration.Id;
                    var result = await services.GetRequiredService<ISender>().Send(new StoreWebhookLead(integrationId, change.FormId, change.LeadgenId, change.CreatedTime), ct);
                    if (result.Status == ResultStatus.Failed || result.Value?.Status == ProcessedLeadStatus.Failed)
                    {
                        Logger.LogWarning(
                            "Webhook lead {LeadgenId} for integration {IntegrationId} could not be stored: {Error}",
                            change.LeadgenId, integrationId, result.Detail ?? result.Value?.Error);
                    }
                }, readLeads: true);
            }

            var readings = WebhookPayload.MessengerReadings(json.RootElement, delivery.ReceivedAt);
            for (var ordinal = 0; ordinal < readings.Count; ordinal++)
            {
                var reading = readings[ordinal];
                // An entry named by the customer rather than the page: the event's other party is the page when only it is known.
                // That page is recorded as one the delivery names, so a failure of its events is its owners' alone.
                var messengerEvent = reading.WithOtherPartyAsPage is { } other && (await OwnersAsync(reading.Event.PageId)).Count == 0 &&
                    (await OwnersAsync(other.PageId)).Count > 0
                        ? other
                        : reading.Event;
                if (!ReferenceEquals(messengerEvent, reading.Event))
                {
                    delivery.RecordPages([messengerEvent.PageId]);
                }

                var at = ordinal;
                await ForEachOwnerAsync(messengerEvent.PageId, async (integration, services) =>
                {
                    if (integration.Held)
                    {
                        await services.GetRequiredService<HeldMessengerEvents>().HoldAsync(integration.Id, delivery.Id, at, messengerEvent, ct);
                    }
                    else
                    {
                        await services.GetRequiredService<ISender>().Send(new RecordMessengerEvent(integration.Id, messengerEvent), ct);
                    }
                });
            }

            // As thrown where it failed: the delivery is tried again (below), and what was stored now is found stored then.
            everyEventTried = true;
            (heldBack ?? failed)?.Throw();

            delivery.MarkHandled(clock.GetUtcNow(), unknownPages, handled > 0);
            if (unknownPages.Count > 0)
            {
                Logger.LogWarning("Webhook delivery {DeliveryId} names pages no integration knows: {PageIds}", delivery.Id, delivery.UnknownPageIds);
            }
        }
        catch (GraphApiException ex)
        {
            Retry(delivery, Describe(ex), ex.Failure.RetryAfter, everyEventTried ? pageErrors : null);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException or DbUpdateException)
        {
            Retry(delivery, ex.GetType().Name, null, everyEventTried ? pageErrors : null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A bug, not an outage: retried like the rest (it may be a race), and Failed after the bounded attempts.
            Logger.LogError(ex, "Webhook delivery {DeliveryId} failed on an unexpected error", delivery.Id);
            Retry(delivery, $"{ex.GetType().Name} {UnexpectedError}", null, everyEventTried ? pageErrors : null);
        }
    }

    private static string Describe(GraphApiException ex) => $"{ex.Failure.Kind} (code {ex.Failure.Code})";

    private void Retry(WebhookDelivery delivery, string error, DateTimeOffset? retryAfter, IReadOnlyDictionary<(string PageId, string OwnerId), string>? pageErrors)
    {
        var backoff = TimeSpan.FromSeconds(Math.Min(3600, 5 * Math.Pow(3, delivery.Attempts - 1)));
        var next = clock.GetUtcNow() + backoff;
        if (delivery.RetryOrFail(error, retryAfter is { } at && at > next ? at : next, options.Value.MaxAttempts, pageErrors))
        {
            Logger.LogError("Webhook delivery {DeliveryId} failed after {Attempts} attempts: {Error}", delivery.Id, delivery.Attempts, error);
        }
    }

    /// <summary>
    /// The routing lookup looks across owners by design (the page's owners are not known yet): it bypasses only the
    /// named owner filter and returns ids (and whether the integration's events are held: its token is known not to work),
    /// oldest integration first, and each change is then processed as its owner. An owner with two integrations of the
    /// page (the environment's and one connected by hand, ADR 0027) gets each event once, through one of them: the one
    /// whose token works, and of those the oldest (the one a connect by hand updates).
    /// </summary>
    private static async Task<IReadOnlyList<(int IntegrationId, string OwnerId, bool Held)>> RouteAsync(LeadOpsDbContext db, string pageId, CancellationToken ct) =>
        (await db.Integrations.IgnoreQueryFilters([LeadOpsDbContext.OwnerFilter]).AsNoTracking()
            .Where(i => i.PageId == pageId && !i.IsDisabled)
            .Select(i => new { i.Id, i.OwnerId, Held = i.NeedsReconnect })
            .ToListAsync(ct))
        .OrderBy(i => i.Held).ThenBy(i => i.Id)
        .DistinctBy(i => i.OwnerId, StringComparer.Ordinal)
        .OrderBy(i => i.Id)
        .Select(i => (i.Id, i.OwnerId, i.Held)).ToList();
}
