using Microsoft.Extensions.Time.Testing;

namespace LeadOps.IntegrationTests.Graph.Support;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that also tells the test when someone starts waiting on it (a timer is created), so a
/// test advances time exactly when a retry or pacing delay is pending — no real sleeping, no guessing.
/// </summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    private readonly FakeTimeProvider _fake = new(start);

    public TestClock()
        : this(new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero))
    {
    }

    private readonly Lock _lock = new();
    private readonly List<TimeSpan> _unclaimed = [];
    private readonly List<(Func<TimeSpan, bool> Match, TaskCompletionSource<TimeSpan> Signal)> _waiters = [];

    public override DateTimeOffset GetUtcNow() => _fake.GetUtcNow();

    public override long GetTimestamp() => _fake.GetTimestamp();

    public override long TimestampFrequency => _fake.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => _fake.LocalTimeZone;

    public void Advance(TimeSpan delta) => _fake.Advance(delta);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = _fake.CreateTimer(callback, state, dueTime, period);
        lock (_lock)
        {
            var waiter = _waiters.FirstOrDefault(w => w.Match(dueTime));
            if (waiter.Signal is not null)
            {
                _waiters.Remove(waiter);
                waiter.Signal.TrySetResult(dueTime);
            }
            else
            {
                _unclaimed.Add(dueTime);
            }
        }

        return timer;
    }

    /// <summary>
    /// Awaits <paramref name="call"/>, advancing the clock through every timer <paramref name="isWait"/> picks out while the
    /// call is pending (a backoff, throttle or pacing wait), so the call never waits on time that does not pass. Each step
    /// (the call ending, or the next such timer starting) gives up after <paramref name="stepLimit"/> of real time, or when
    /// <paramref name="cancellationToken"/> is cancelled. Returns the call's result and the waits advanced through.
    /// </summary>
    public async Task<(T Result, IReadOnlyList<TimeSpan> Waits)> RunThroughWaitsAsync<T>(
        Task<T> call, Func<TimeSpan, bool> isWait, TimeSpan stepLimit, CancellationToken cancellationToken = default)
    {
        var waits = new List<TimeSpan>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            while (true)
            {
                var timer = WaitForTimerAsync(isWait, stop.Token);
                var finished = await Task.WhenAny(call, timer).WaitAsync(stepLimit, cancellationToken);
                if (finished == call)
                {
                    return (await call, waits);
                }

                var due = await timer;
                waits.Add(due);
                Advance(due);
            }
        }
        finally
        {
            // No waiter is left behind to claim a later timer, whether the call ended or the run gave up.
            await stop.CancelAsync();
        }
    }

    /// <summary>
    /// Forgets the timers created so far that no one has waited for, so a wait looked for from now on is one started after
    /// this call (a pacing timer left over from an earlier test is never mistaken for the next call's pause).
    /// </summary>
    public void ForgetUnclaimedTimers()
    {
        lock (_lock)
        {
            _unclaimed.Clear();
        }
    }

    /// <summary>Completes with the due time of the first timer (already created and not yet claimed, or future) that matches.</summary>
    public Task<TimeSpan> WaitForTimerAsync(Func<TimeSpan, bool> match, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            var index = _unclaimed.FindIndex(due => match(due));
            if (index >= 0)
            {
                var due = _unclaimed[index];
                _unclaimed.RemoveAt(index);
                return Task.FromResult(due);
            }

            var signal = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
            var entry = (match, signal);
            _waiters.Add(entry);
            cancellationToken.Register(() =>
            {
                lock (_lock)
                {
                    _waiters.Remove(entry);
                }

                signal.TrySetCanceled(cancellationToken);
            });
            return signal.Task;
        }
    }
}
