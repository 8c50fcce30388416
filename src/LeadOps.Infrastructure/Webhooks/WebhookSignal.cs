namespace LeadOps.Infrastructure.Webhooks;

/// <summary>Lets the receiving endpoint wake the webhook worker at once instead of waiting for its next poll.</summary>
public sealed class WebhookSignal : WorkerSignal;
