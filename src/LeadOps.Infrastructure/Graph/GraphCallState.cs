namespace LeadOps.Infrastructure.Graph;

/// <summary>What the handlers learn about one call across its attempts (attempt count, the last failure seen).</summary>
internal sealed class GraphCallState
{
    private int _attempt;

    public int Attempt => Volatile.Read(ref _attempt);

    /// <summary>The failure of the latest attempt, or null when it succeeded or failed without an answer.</summary>
    public GraphFailure? LastFailure { get; set; }

    public int NextAttempt() => Interlocked.Increment(ref _attempt);
}
