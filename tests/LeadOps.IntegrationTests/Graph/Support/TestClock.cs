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
