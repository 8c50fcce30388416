using LeadOps.Application.Outgoing.Queries;
using LeadOps.Domain.Outgoing;

namespace LeadOps.Application.Outgoing;

/// <summary>The signed-in user's webhook endpoints and their deliveries (owner-filtered by the data layer).</summary>
public interface IOutgoingWebhookStore
{
    void Add(WebhookEndpoint endpoint);

    /// <summary>The endpoint the page form with this one-time token registered, if it was sent already (ADR 0018).</summary>
    Task<WebhookEndpoint?> FindByFormTokenAsync(Guid formToken, CancellationToken cancellationToken);

    /// <summary>Adds and saves the endpoint; false (nothing saved) when its form token was used meanwhile by the same form posted at the same moment.</summary>
    Task<bool> TryAddAsync(WebhookEndpoint endpoint, CancellationToken cancellationToken);

    void Remove(WebhookEndpoint endpoint);

    void AddDelivery(OutgoingDelivery delivery);

    Task<WebhookEndpoint?> FindAsync(int id, CancellationToken cancellationToken);

    /// <summary>Whether any endpoint receives the event (paused ones included: their deliveries wait for the resume).</summary>
    Task<bool> AnyReceivesAsync(string eventName, CancellationToken cancellationToken);

    /// <summary>Makes the endpoint's waiting and failed deliveries due now (after it is resumed).</summary>
    Task RequeueAsync(int endpointId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>One of the user's outgoing events, tracked, by its public id.</summary>
    Task<OutgoingEvent?> FindEventAsync(Guid eventId, CancellationToken cancellationToken);

    /// <summary>
    /// Saves, unless an outgoing event it changes was changed elsewhere since it was read (its fan-out count moved, ADR
    /// 0024): then nothing is saved and the answer is false.
    /// </summary>
    Task<bool> SaveUnlessChangedAsync(CancellationToken cancellationToken);

    /// <summary>The set-aside outgoing events, the last set aside first: <paramref name="take"/> after the first <paramref name="skip"/>, and how many there are.</summary>
    Task<(IReadOnlyList<SetAsideEventView> Items, int Total)> ListSetAsideAsync(int skip, int take, CancellationToken cancellationToken);

    /// <summary>Every endpoint with its latest attempts, newest first.</summary>
    Task<IReadOnlyList<WebhookEndpointView>> ListAsync(int attemptsPerEndpoint, CancellationToken cancellationToken);

    /// <summary>Each integration's alert settings, by name.</summary>
    Task<IReadOnlyList<IntegrationAlertsView>> ListAlertSettingsAsync(CancellationToken cancellationToken);

    /// <summary>The addresses of the endpoints that paused themselves (for the banner).</summary>
    Task<IReadOnlyList<string>> PausedAsync(CancellationToken cancellationToken);
}
