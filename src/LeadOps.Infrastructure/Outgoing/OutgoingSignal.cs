namespace LeadOps.Infrastructure.Outgoing;

/// <summary>Wakes the outgoing worker at once (a test event, a resumed endpoint) instead of at its next poll.</summary>
public sealed class OutgoingSignal : WorkerSignal;
