using System.Diagnostics;

namespace LeadOps.Benchmarks;

/// <summary>
/// Deterministic figures of the send path, less sensitive to the machine's load than its times: the bytes allocated,
/// the gen-0 collections, and the SQL commands and commits EF made (its diagnostic events: transactions committed, and
/// writes outside a transaction, which commit on their own) while the product's sends ran, and the bytes and
/// collections of the direct calls, summed over a run.
/// </summary>
internal sealed class SendCounters : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private const string CommandExecuted = "Microsoft.EntityFrameworkCore.Database.Command.CommandExecuted";
    private const string TransactionCommitted = "Microsoft.EntityFrameworkCore.Database.Transaction.TransactionCommitted";
    private readonly IDisposable _subscription;
    private readonly List<IDisposable> _listeners = [];
    private long _commands;
    private long _commits;
    private readonly List<string> _current = [];

    public SendCounters() => _subscription = DiagnosticListener.AllListeners.Subscribe(this);

    public long ProductBytes { get; private set; }

    public long DirectBytes { get; private set; }

    public int ProductGen0 { get; private set; }

    public int DirectGen0 { get; private set; }

    public int ProductSends { get; private set; }

    public int DirectSends { get; private set; }

    public long Commands => Interlocked.Read(ref _commands);

    public long Commits => Interlocked.Read(ref _commits);

    /// <summary>Runs one call and adds what it allocated to the product's or the direct call's sums.</summary>
    public async Task<double> MeasureAsync(bool product, Func<Task<double>> call)
    {
        var gen0 = GC.CollectionCount(0);
        var bytes = GC.GetTotalAllocatedBytes(precise: false);
        var commands = Commands;
        var commits = Commits;
        lock (_current)
        {
            _current.Clear();
        }

        var elapsed = await call();
        if (product)
        {
            lock (_current)
            {
                LastSendCommands = [.. _current];
            }
        }

        var allocated = GC.GetTotalAllocatedBytes(precise: false) - bytes;
        var collections = GC.CollectionCount(0) - gen0;
        if (product)
        {
            ProductBytes += allocated;
            ProductGen0 += collections;
            ProductSends++;
        }
        else
        {
            DirectBytes += allocated;
            DirectGen0 += collections;
            DirectSends++;

            // Only the product touches the database; a command during a direct call would be the app's own work.
            Interlocked.Add(ref _commands, commands - Commands);
            Interlocked.Add(ref _commits, commits - Commits);
        }

        return elapsed;
    }

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == "Microsoft.EntityFrameworkCore")
        {
            lock (_listeners)
            {
                _listeners.Add(value.Subscribe(this, name => name is CommandExecuted or TransactionCommitted));
            }
        }
    }

    /// <summary>The SQL commands of the latest product send, each cut to its first words (for the log).</summary>
    public IReadOnlyList<string> LastSendCommands { get; private set; } = [];

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == CommandExecuted)
        {
            Interlocked.Increment(ref _commands);
            if (value.Value is Microsoft.EntityFrameworkCore.Diagnostics.CommandEventData data)
            {
                var text = data.Command.CommandText.ReplaceLineEndings(" ").TrimStart();
                if (data.Command.Transaction is null && (text.StartsWith("INSERT", StringComparison.OrdinalIgnoreCase) ||
                    text.StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase) || text.StartsWith("DELETE", StringComparison.OrdinalIgnoreCase)))
                {
                    // A write outside a transaction commits on its own.
                    Interlocked.Increment(ref _commits);
                }

                lock (_current)
                {
                    _current.Add(text.Length > 70 ? text[..70] : text);
                }
            }
        }
        else if (value.Key == TransactionCommitted)
        {
            Interlocked.Increment(ref _commits);
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        _subscription.Dispose();
        lock (_listeners)
        {
            _listeners.ForEach(l => l.Dispose());
        }
    }
}
