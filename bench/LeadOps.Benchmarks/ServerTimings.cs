using System.Collections.Concurrent;
using System.Diagnostics;

namespace LeadOps.Benchmarks;

/// <summary>
/// Server times recorded by the benchmark host. A request's time is recorded just after the app's pipeline returns,
/// which can be a moment after the client has the whole response: <see cref="TakeAsync"/> waits for the count.
/// </summary>
public sealed class ServerTimings
{
    private readonly ConcurrentQueue<ServerTiming> _samples = new();

    public void Add(string path, int status, TimeSpan elapsed) => _samples.Enqueue(new ServerTiming(path, status, elapsed));

    public void Clear() => _samples.Clear();

    /// <summary>Waits until <paramref name="count"/> requests are recorded (at most 10 s), then takes them all.</summary>
    public async Task<IReadOnlyList<ServerTiming>> TakeAsync(int count, CancellationToken ct)
    {
        var waited = Stopwatch.StartNew();
        while (_samples.Count < count)
        {
            if (waited.Elapsed > TimeSpan.FromSeconds(10))
            {
                throw new InvalidOperationException($"Only {_samples.Count} of {count} requests were recorded by the server.");
            }

            await Task.Delay(1, ct);
        }

        var taken = new List<ServerTiming>(count);
        while (_samples.TryDequeue(out var sample))
        {
            taken.Add(sample);
        }

        return taken;
    }
}

public sealed record ServerTiming(string Path, int Status, TimeSpan Elapsed);
