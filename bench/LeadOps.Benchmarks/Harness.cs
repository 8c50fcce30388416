using System.Diagnostics;
using System.Globalization;

namespace LeadOps.Benchmarks;

/// <summary>How big a run is: <see cref="Full"/> for the figures, <see cref="Small"/> to keep the harness alive in tests.</summary>
public enum BenchmarkSize
{
    Full,
    Small,
}

/// <summary>
/// One line of the table: a figure, the floor it is compared with (measured in the same run), and the goal.
/// <see cref="Ratio"/> is value over floor when both exist.
/// </summary>
public sealed record Figure(
    string Scenario,
    string Name,
    double Value,
    string Unit,
    double? Floor,
    string Goal,
    bool? Met,
    string? Note = null)
{
    public double? Ratio => Floor is { } f && f != 0 ? Value / f : null;
}

/// <summary>A scenario measures one path of the product against its floor and returns its figures.</summary>
public interface IBenchmarkScenario
{
    /// <summary>The name given on the command line.</summary>
    string Name { get; }

    string Title { get; }

    Task<IReadOnlyList<Figure>> RunAsync(BenchmarkSize size, TextWriter log, CancellationToken ct);
}

public sealed record BenchmarkReport(BenchmarkSize Size, DateTimeOffset StartedAt, TimeSpan Elapsed, IReadOnlyList<Figure> Figures);

public static class BenchmarkRunner
{
    /// <summary>Every scenario the harness knows, in the order <c>all</c> runs them.</summary>
    public static IReadOnlyList<IBenchmarkScenario> Scenarios { get; } =
    [
        new RetrievalScenario(),
        new WebhookScenario(),
        new InboxScenario(),
        new SendScenario(),
        new LatencyScenario(),
        new ExportScenario(),
    ];

    public static async Task<BenchmarkReport> RunAsync(IEnumerable<string> names, BenchmarkSize size, TextWriter log, CancellationToken ct = default)
    {
        var wanted = names.ToList();
        var chosen = wanted.Contains("all", StringComparer.OrdinalIgnoreCase)
            ? Scenarios
            : [.. Scenarios.Where(s => wanted.Contains(s.Name, StringComparer.OrdinalIgnoreCase))];
        if (chosen.Count == 0)
        {
            throw new ArgumentException($"Unknown scenario; choose one of: all, {string.Join(", ", Scenarios.Select(s => s.Name))}.", nameof(names));
        }

        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var figures = new List<Figure>();
        foreach (var scenario in chosen)
        {
            log.WriteLine($"== {scenario.Title} ({size.ToString().ToLowerInvariant()}) ==");
            figures.AddRange(await scenario.RunAsync(size, log, ct));
        }

        DeleteScratch();
        return new BenchmarkReport(size, started, clock.Elapsed, figures);
    }

    public static void DeleteScratch()
    {
        try
        {
            Directory.Delete(BenchApp.Scratch, recursive: true);
        }
        catch (IOException)
        {
            // a file still open in a pool; the folder is per process under the temp directory
        }
    }
}

internal static class Stats
{
    public static double Median(IReadOnlyCollection<double> values)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /// <summary>Nearest-rank percentile of an already sorted array.</summary>
    public static double Percentile(double[] sorted, double percentile)
    {
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}

/// <summary>Samples the process's working set while a measurement runs and keeps the highest value.</summary>
internal sealed class WorkingSetSampler : IDisposable
{
    private readonly Process _process = Process.GetCurrentProcess();
    private readonly Timer _timer;
    private readonly int[] _collectionsAtStart = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
    private readonly long _allocatedAtStart = GC.GetTotalAllocatedBytes();
    private readonly long _jitMethodsAtStart = System.Runtime.JitInfo.GetCompiledMethodCount();
    private readonly long _jitBytesAtStart = System.Runtime.JitInfo.GetCompiledILBytes();
    private long _peak;
    private long _peakHeap;
    private long _peakCommitted;
    private bool _disposed;

    public WorkingSetSampler(TimeSpan interval)
    {
        Sample();
        StartBytes = Interlocked.Read(ref _peak);
        _timer = new Timer(_ => Sample(), null, interval, interval);
    }

    /// <summary>The working set when sampling started.</summary>
    public long StartBytes { get; }

    public long PeakBytes
    {
        get
        {
            Sample();
            return Interlocked.Read(ref _peak);
        }
    }

    /// <summary>The highest managed heap size seen (objects and the collector's free space within its segments).</summary>
    public long PeakHeapBytes
    {
        get
        {
            Sample();
            return Interlocked.Read(ref _peakHeap);
        }
    }

    /// <summary>The most memory the garbage collector had committed (as of its latest collection) while sampling.</summary>
    public long PeakCommittedBytes
    {
        get
        {
            Sample();
            return Interlocked.Read(ref _peakCommitted);
        }
    }

    /// <summary>For the log: collections of each generation, bytes allocated and methods the JIT compiled since sampling started.</summary>
    public string Collections => string.Create(CultureInfo.InvariantCulture,
        $"gen0/1/2 collections {GC.CollectionCount(0) - _collectionsAtStart[0]}/{GC.CollectionCount(1) - _collectionsAtStart[1]}/{GC.CollectionCount(2) - _collectionsAtStart[2]}, {(GC.GetTotalAllocatedBytes() - _allocatedAtStart) / 1048576.0:F0} MB allocated, {System.Runtime.JitInfo.GetCompiledMethodCount() - _jitMethodsAtStart} methods compiled ({(System.Runtime.JitInfo.GetCompiledILBytes() - _jitBytesAtStart) / 1024} KB of IL)");

    public static void Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    private void Sample()
    {
        lock (_process)
        {
            if (_disposed)
            {
                return;
            }

            _process.Refresh();
            var current = _process.WorkingSet64;
            if (current > Interlocked.Read(ref _peak))
            {
                Interlocked.Exchange(ref _peak, current);
            }

            var committed = GC.GetGCMemoryInfo().TotalCommittedBytes;
            if (committed > Interlocked.Read(ref _peakCommitted))
            {
                Interlocked.Exchange(ref _peakCommitted, committed);
            }

            var heap = GC.GetTotalMemory(forceFullCollection: false);
            if (heap > Interlocked.Read(ref _peakHeap))
            {
                Interlocked.Exchange(ref _peakHeap, heap);
            }
        }
    }

    public void Dispose()
    {
        _timer.Dispose();
        lock (_process)
        {
            // a timer callback may still be running or queued: it sees the flag and does nothing
            _disposed = true;
            _process.Dispose();
        }
    }
}
