namespace LeadOps.TestSupport;

/// <summary>
/// Turns a wait that never ends into a failing test. On a fake clock (<see cref="TestAppBuilder.WithClock"/>) the app may
/// wait on a timer the clock never reaches (a Graph retry, rate-limit or pacing wait): the harness's waits run through
/// here and give up after <see cref="Limit"/> of real time, or when NUnit cancels the test (<c>[CancelAfter]</c>), with
/// a <see cref="TimeoutException"/> naming what they waited for. NUnit's <c>[Timeout]</c> cannot stop a test on .NET,
/// and <c>[CancelAfter]</c> only cancels <c>TestContext.CurrentContext.CancellationToken</c>, which these waits observe.
/// </summary>
public static class HangGuard
{
    /// <summary>Overrides the default limit for a whole run: a <see cref="TimeSpan"/> (<c>00:10:00</c>) or seconds.</summary>
    public const string LimitVariable = "LEADOPS_TEST_WAIT_LIMIT";

    private static readonly TimeSpan DefaultLimit = ReadLimit(Environment.GetEnvironmentVariable(LimitVariable)) ?? TimeSpan.FromMinutes(5);
    private static readonly AsyncLocal<TimeSpan?> LimitHere = new();

    /// <summary>How long a harness wait may take in real time: generous, for two shared and noisy cores.</summary>
    public static TimeSpan Limit => LimitHere.Value ?? DefaultLimit;

    /// <summary>Sets the limit for the calling test until disposed (a test of the guard itself keeps it short).</summary>
    public static IDisposable LimitTo(TimeSpan limit)
    {
        var before = LimitHere.Value;
        LimitHere.Value = limit;
        return new Restore(() => LimitHere.Value = before);
    }

    /// <summary>
    /// Awaits <paramref name="work"/>, started with a token cancelled at the limit or with the test. Work that ignores
    /// the token is left behind: the test fails all the same.
    /// </summary>
    public static async Task<T> WaitAsync<T>(string what, Func<CancellationToken, Task<T>> work)
    {
        var limit = Limit;
        using var giveUp = CancellationTokenSource.CreateLinkedTokenSource(TestContext.CurrentContext.CancellationToken);
        giveUp.CancelAfter(limit);
        try
        {
            return await work(giveUp.Token).WaitAsync(giveUp.Token);
        }
        catch (OperationCanceledException) when (giveUp.IsCancellationRequested)
        {
            throw new TimeoutException(
                $"Gave up after {limit} waiting for {what}. On a fake clock (TestApp.WithClock) the app may be waiting on a " +
                "timer the clock never reaches (a Graph retry, rate-limit or pacing wait): advance the clock or fault Graph so it does not wait.");
        }
    }

    /// <inheritdoc cref="WaitAsync{T}(string, Func{CancellationToken, Task{T}})"/>
    public static Task WaitAsync(string what, Func<CancellationToken, Task> work) =>
        WaitAsync(what, async ct =>
        {
            await work(ct);
            return true;
        });

    /// <summary>Waits until <paramref name="condition"/> holds, looking again every 25 ms (real time).</summary>
    public static Task UntilAsync(string what, Func<CancellationToken, Task<bool>> condition) =>
        WaitAsync(what, async ct =>
        {
            while (!await condition(ct))
            {
                await Task.Delay(25, ct);
            }
        });

    private static TimeSpan? ReadLimit(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null
        : double.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var seconds) ? TimeSpan.FromSeconds(seconds)
        : TimeSpan.Parse(value, System.Globalization.CultureInfo.InvariantCulture);

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }
}
