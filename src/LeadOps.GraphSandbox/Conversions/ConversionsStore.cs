namespace LeadOps.GraphSandbox;

/// <summary>The datasets that take Conversions API events and the events they accepted, in order.</summary>
internal sealed class ConversionsStore(Lock gate)
{
    public RecordLog<ReceivedConversionEvent> Received { get; } = new(gate);

    public static bool IsDataset(string id) => id == SandboxSeed.DatasetId;
}
