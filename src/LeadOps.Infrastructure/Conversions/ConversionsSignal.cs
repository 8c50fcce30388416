namespace LeadOps.Infrastructure.Conversions;

/// <summary>Wakes the Conversions API worker when a stage entry was saved on this node.</summary>
public sealed class ConversionsSignal : WorkerSignal;
