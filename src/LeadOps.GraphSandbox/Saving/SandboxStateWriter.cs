namespace LeadOps.GraphSandbox;

/// <summary>
/// Keeps <see cref="SandboxOptions.StateFile"/> up with the running sandbox, so that a process killed without a stop
/// loses at most the last <see cref="Interval"/> of its world. Every interval (real time) it reads what the file would
/// hold and writes it when that differs from what it last wrote, and once more at stop; nothing is counted, so no change
/// can slip past. A write that fails is logged (a warning with the reason, once until a write succeeds again) and tried
/// again at the next interval; the sandbox serves on.
/// </summary>
internal sealed class SandboxStateWriter : IAsyncDisposable
{
    /// <summary>How often the state is compared with what was last written.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private readonly SandboxState _state;
    private readonly string _path;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private byte[]? _written;
    private bool _failing;

    /// <summary>Starts writing in the background.</summary>
    public SandboxStateWriter(SandboxState state, string path, ILogger logger)
    {
        _state = state;
        _path = path;
        _logger = logger;
        _loop = Task.Run(WriteEveryIntervalAsync);
    }

    /// <summary>Stops the background writes, then writes the state once more (also when unchanged: the file may have gone).</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
        Write(always: true);
    }

    private async Task WriteEveryIntervalAsync()
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                Write(always: false);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Stopped: DisposeAsync writes the last change.
        }
    }

    private void Write(bool always)
    {
        var content = SandboxStateFile.Serialize(_state);
        if (!always && _written is not null && content.AsSpan().SequenceEqual(_written))
        {
            return;
        }

        try
        {
            SandboxStateFile.Write(content, _path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            if (!_failing)
            {
                _logger.LogWarning("The Graph sandbox could not write its state to {StateFile} ({Reason}); it tries again in a moment", _path, e.Message);
            }

            _failing = true;
            return;
        }

        _written = content;
        if (_failing)
        {
            _logger.LogInformation("The Graph sandbox wrote its state to {StateFile} again", _path);
            _failing = false;
        }
    }
}
