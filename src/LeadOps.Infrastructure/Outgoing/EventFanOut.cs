using LeadOps.Application.Outgoing;
using LeadOps.Domain.Outgoing;

namespace LeadOps.Infrastructure.Outgoing;

/// <summary>
/// Turns each new outgoing event into its deliveries (one per endpoint of its owner that receives it, with the body
/// built once) and the staff alerts its integration asks for, in one save with the event marked processed. The unique
/// keys (endpoint + event, owner + alert key) make a repeat harmless.
/// </summary>
internal sealed partial class EventFanOut(IServiceScopeFactory scopes, IOwnerScopeFactory ownerScopes, OutgoingWebhookOptions options, TimeProvider clock, ILogger<EventFanOut> logger)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var handled = 0;
        foreach (var (id, ownerId) in await FindNewAsync(cancellationToken))
        {
            await using var scope = ownerScopes.CreateScope(ownerId);
            var db = scope.ServiceProvider.GetRequiredService<LeadOpsDbContext>();
            try
            {
                handled += await FanOutAsync(db, id, cancellationToken) ? 1 : 0;
            }
            catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex) || ex is DbUpdateConcurrencyException)
            {
                // Another node fanned it out first (a unique key held), or changed it meanwhile: it is handled there.
                LogFanOutConflict(logger, id, ex.GetType().Name);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                // One event that cannot be fanned out must not hold up the others, nor the deliveries and e-mails after
                // them in the round: it stays new and is tried again after a growing wait, until it is set aside.
                LogFanOutFailed(logger, id, ex.GetType().Name);
                await RecordFailureAsync(id, ownerId, cancellationToken);
            }
        }

        return handled;
    }

    /// <summary>
    /// The new events that are due (a failed one waits out its backoff); looks across owners by design (the worker serves
    /// everyone); ids and owners only, each handled as its owner.
    /// </summary>
    private async Task<IReadOnlyList<(long Id, string OwnerId)>> FindNewAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LeadOpsDbContext>();
        var rows = await db.Set<OutgoingEvent>().IgnoreQueryFilters([LeadOpsDbContext.OwnerFilter]).AsNoTracking()
            .Where(e => e.ProcessedAt == null && e.SetAsideAt == null && (e.NextFanOutAt == null || e.NextFanOutAt <= now)).OrderBy(e => e.Id).Take(options.BatchSize)
            .Select(e => new { e.Id, e.OwnerId }).ToListAsync(cancellationToken);
        return [.. rows.Select(r => (r.Id, r.OwnerId))];
    }

    private async Task<bool> FanOutAsync(LeadOpsDbContext db, long id, CancellationToken cancellationToken)
    {
        if (await db.Set<OutgoingEvent>().FirstOrDefaultAsync(e => e.Id == id && e.ProcessedAt == null && e.SetAsideAt == null, cancellationToken) is not { } e)
        {
            return false;
        }

        var now = clock.GetUtcNow();
        var endpoints = (await db.Set<WebhookEndpoint>().AsNoTracking().ToListAsync(cancellationToken)).Where(ep => ep.Receives(e.Name)).ToList();
        if (endpoints.Count > 0)
        {
            var body = (await WebhookBodies.BuildAsync(db, e, cancellationToken)).Serialize();
            db.Set<OutgoingDelivery>().AddRange(endpoints.Select(ep => OutgoingDelivery.For(ep.Id, e.EventId, e.Name, body, now)));
        }

        if (await AlertAsync(db, e, now, cancellationToken) is { } alert && !await db.Set<StaffAlert>().AnyAsync(a => a.Key == alert.Key, cancellationToken))
        {
            db.Set<StaffAlert>().Add(alert);
        }

        e.MarkProcessed(now);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Counts a failed fan-out, in a context of its own (the failed one may hold half-built rows). The failure that sets
    /// the event aside is logged once and written in the delivery log of each endpoint that would have received it.
    /// </summary>
    private async Task RecordFailureAsync(long id, string ownerId, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = ownerScopes.CreateScope(ownerId);
            var db = scope.ServiceProvider.GetRequiredService<LeadOpsDbContext>();
            if (await db.Set<OutgoingEvent>().FirstOrDefaultAsync(e => e.Id == id && e.ProcessedAt == null && e.SetAsideAt == null, cancellationToken) is not { } e)
            {
                return;
            }

            var now = clock.GetUtcNow();
            var setAside = e.FanOutFailed(now, options.MaxFanOutAttempts, options.FirstFanOutRetryDelay);
            if (setAside)
            {
                var endpoints = (await db.Set<WebhookEndpoint>().AsNoTracking().ToListAsync(cancellationToken)).Where(ep => ep.Receives(e.Name));
                db.Set<DeliveryAttempt>().AddRange(endpoints.Select(ep => new DeliveryAttempt
                {
                    EndpointId = ep.Id, DeliveryId = DeliveryAttempt.NoDelivery, EventName = e.Name, At = now,
                    Error = $"Not sent: LeadOps could not prepare this event (id {e.EventId:D}) in {e.FanOutAttempts} tries and set it aside.",
                }));
            }

            await db.SaveChangesAsync(cancellationToken);
            if (setAside)
            {
                LogSetAside(logger, id, e.FanOutAttempts);
            }
        }
        catch (DbUpdateConcurrencyException ex)
        {
            // Another node counted this failure (and set the event aside, if it was the last) between our read and our
            // write: nothing more to count or log (the save is conditional on the count read, ADR 0024).
            LogFanOutConflict(logger, id, ex.GetType().Name);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Not counted this time (nor its wait): the event is tried again next round.
            LogFailureNotRecorded(logger, id, ex.GetType().Name);
        }
    }

    /// <summary>The alert the event's integration asks for, or null.</summary>
    private static async Task<StaffAlert?> AlertAsync(LeadOpsDbContext db, OutgoingEvent e, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var integration = e.IntegrationId is { } integrationId
            ? await db.Integrations.AsNoTracking().FirstOrDefaultAsync(i => i.Id == integrationId, cancellationToken)
            : null;
        if (integration is null)
        {
            return null;
        }

        if (e.Name == OutgoingEventNames.LeadCreated && integration.LeadAlerts != LeadAlertMode.None && e.LeadId is { } leadId
            && await db.Leads.AsNoTracking().FirstOrDefaultAsync(l => l.Id == leadId, cancellationToken) is { } lead)
        {
            var digest = integration.LeadAlerts == LeadAlertMode.HourlyDigest;
            var line = $"{lead.DisplayName} · {lead.FormName ?? lead.FormId} · {integration.Name} · {lead.CreatedTime:yyyy-MM-dd HH:mm} UTC";
            return StaffAlert.Create(StaffAlertKeys.Lead(leadId), StaffAlertKind.NewLead, leadId, $"New lead: {lead.DisplayName}", line, digest ? StaffAlert.EndOfHour(now) : now, digest);
        }

        if (e.Name == OutgoingEventNames.ConversationEscalated && integration.EscalationAlerts && e.ConversationId is { } conversationId
            && await db.Conversations.AsNoTracking().FirstOrDefaultAsync(c => c.Id == conversationId, cancellationToken) is { } conversation)
        {
            var text = $"{conversation.CustomerLabel} on {integration.PageName} needs a person{(e.Detail is null ? "." : ": " + e.Detail)}";
            return StaffAlert.Create(StaffAlertKeys.Escalation(e.EventId), StaffAlertKind.Escalation, null, $"Needs a person: {conversation.CustomerLabel}", text, now);
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Outgoing event {EventId} was handled by another node first: {Error}")]
    private static partial void LogFanOutConflict(ILogger logger, long eventId, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outgoing event {EventId} could not be fanned out ({Error}); it is tried again later")]
    private static partial void LogFanOutFailed(ILogger logger, long eventId, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outgoing event {EventId} was set aside after {Attempts} failed fan-outs; it is not tried again")]
    private static partial void LogSetAside(ILogger logger, long eventId, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The failed fan-out of outgoing event {EventId} could not be counted ({Error})")]
    private static partial void LogFailureNotRecorded(ILogger logger, long eventId, string error);
}
