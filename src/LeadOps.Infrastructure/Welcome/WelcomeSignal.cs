namespace LeadOps.Infrastructure.Welcome;

/// <summary>Wakes the welcome worker at once when a message becomes due, instead of at its next poll.</summary>
public sealed class WelcomeSignal : WorkerSignal;
