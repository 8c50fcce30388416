using System.Collections.Concurrent;

namespace LeadOps.Infrastructure.Common;

/// <summary>Background workers report here each time round their loop; /status reads it.</summary>
public sealed class WorkerHealth(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, WorkerBeat> _beats = new(StringComparer.Ordinal);

    public void Beat(string worker, TimeSpan expectedInterval, string? detail = null) =>
        _beats[worker] = new WorkerBeat(worker, clock.GetUtcNow(), expectedInterval, detail, null);

    public void Failed(string worker, TimeSpan expectedInterval, string error) =>
        _beats[worker] = new WorkerBeat(worker, clock.GetUtcNow(), expectedInterval, null, error);

    public IReadOnlyList<WorkerBeat> Snapshot() => [.. _beats.Values.OrderBy(b => b.Worker, StringComparer.Ordinal)];

    /// <summary>A worker is late when it has not beaten for three of its intervals (plus a minute of slack).</summary>
    public bool IsLate(WorkerBeat beat) => clock.GetUtcNow() - beat.At > (beat.ExpectedInterval * 3) + TimeSpan.FromMinutes(1);
}
