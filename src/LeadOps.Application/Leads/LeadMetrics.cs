using System.Diagnostics.Metrics;

namespace LeadOps.Application.Leads;

/// <summary>The <c>LeadOps</c> meter's lead instruments (exported at /metrics).</summary>
public sealed class LeadMetrics : IDisposable
{
    public const string MeterName = "LeadOps";

    private readonly Meter _meter;
    private readonly Counter<long> _retrieved;
    private readonly Counter<long> _created;
    private readonly Counter<long> _existing;
    private readonly Counter<long> _failed;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _webhookEvents;
    private readonly Counter<long> _webhookRejected;
    private readonly Counter<long> _foundByRetrieval;

    public LeadMetrics(IMeterFactory meterFactory)
    {
        _meter = meterFactory.Create(MeterName);
        _retrieved = _meter.CreateCounter<long>("leads.retrieved", description: "Leads read back from Graph by retrieval");
        _created = _meter.CreateCounter<long>("leads.created", description: "Leads stored for the first time");
        _existing = _meter.CreateCounter<long>("leads.existing", description: "Leads retrieval found already stored (duplicate detection)");
        _failed = _meter.CreateCounter<long>("leads.failed", description: "Leads that could not be stored");
        _duration = _meter.CreateHistogram<double>("retrieval.duration", unit: "s", description: "Duration of one form's retrieval");
        _webhookEvents = _meter.CreateCounter<long>("webhook.events", description: "Webhook deliveries accepted");
        _webhookRejected = _meter.CreateCounter<long>("webhook.rejected", description: "Webhook deliveries rejected (signature, size, JSON)");
        _foundByRetrieval = _meter.CreateCounter<long>("leads.first_found_by_retrieval", description: "Leads the webhook missed and retrieval found");
    }

    public void LeadsProcessed(int retrieved, int created, int existing, int failed)
    {
        _retrieved.Add(retrieved);
        _created.Add(created);
        _existing.Add(existing);
        _failed.Add(failed);
        _foundByRetrieval.Add(created);
    }

    public void WebhookLeadStored() => _created.Add(1);

    public void RetrievalFinished(TimeSpan duration, RetrievalTrigger trigger) =>
        _duration.Record(duration.TotalSeconds, new KeyValuePair<string, object?>("trigger", trigger.ToString()));

    public void WebhookAccepted() => _webhookEvents.Add(1);

    public void WebhookRejected(string reason) => _webhookRejected.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public void Dispose() => _meter.Dispose();
}
