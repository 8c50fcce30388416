using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using MimeKit;

namespace LeadOps.TestSupport;

/// <summary>A message as the SMTP server received it: the envelope and the parsed message.</summary>
public sealed record ReceivedMail(string MailFrom, IReadOnlyList<string> RcptTos, MimeMessage Message, string Raw);

/// <summary>
/// A real SMTP server on 127.0.0.1 (Debian's python3-aiosmtpd running <c>smtp_sink.py</c>) that saves every message
/// to a folder. It can be stopped and started again on the same port to play an outage. Where it cannot start, the
/// fixture is ignored with the reason; LEADOPS_REQUIRE_SMTP=1 turns that into a failure.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private readonly object _gate = new();
    private readonly List<TaskCompletionSource> _waiters = [];
    private Process? _process;

    private SmtpSink(int port, string folder)
    {
        Port = port;
        Folder = folder;
    }

    public int Port { get; }

    public string Folder { get; }

    public bool IsRunning => _process is { HasExited: false };

    public const string RequireVariable = "LEADOPS_REQUIRE_SMTP";

    /// <summary>A free port and an empty folder; nothing runs yet.</summary>
    public static SmtpSink Allocate()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var folder = Path.Combine(TestRun.Scratch, $"smtp-{port}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        return new SmtpSink(port, folder);
    }

    /// <summary>Starts the server and returns once its port accepts connections; Ignore (or Fail when required) when it can't.</summary>
    public async Task StartAsync()
    {
        if (IsRunning)
        {
            return;
        }

        var problem = await TryStartAsync();
        if (problem is null)
        {
            return;
        }

        TestDependency.Missing($"{problem} (install python3-aiosmtpd)", RequireVariable);
    }

    /// <summary>Stops the server: connections are refused until it starts again.</summary>
    public async Task StopAsync()
    {
        if (_process is not { } process)
        {
            return;
        }

        _process = null;
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync();
        process.Dispose();
    }

    /// <summary>Everything received so far, in arrival order.</summary>
    public IReadOnlyList<ReceivedMail> Received()
    {
        var mails = new List<ReceivedMail>();
        foreach (var eml in Directory.EnumerateFiles(Folder, "*.eml").Order(StringComparer.Ordinal))
        {
            using var json = JsonDocument.Parse(File.ReadAllText(Path.ChangeExtension(eml, ".json")));
            var envelope = json.RootElement;
            var raw = File.ReadAllText(eml);
            mails.Add(new ReceivedMail(
                envelope.GetProperty("mail_from").GetString() ?? string.Empty,
                [.. envelope.GetProperty("rcpt_tos").EnumerateArray().Select(r => r.GetString() ?? string.Empty)],
                MimeMessage.Load(eml),
                raw));
        }

        return mails;
    }

    /// <summary>Messages whose envelope or To header names this address.</summary>
    public IReadOnlyList<ReceivedMail> To(string address) =>
        [.. Received().Where(m => m.RcptTos.Contains(address, StringComparer.OrdinalIgnoreCase)
            || m.Message.To.Mailboxes.Any(a => string.Equals(a.Address, address, StringComparison.OrdinalIgnoreCase)))];

    /// <summary>Waits (on the server's own "saved" notices, not a timer) until a message for the address has arrived.</summary>
    public async Task<ReceivedMail> WaitForAsync(string address, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (true)
        {
            TaskCompletionSource next;
            lock (_gate)
            {
                next = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _waiters.Add(next);
            }

            if (To(address) is [var first, ..])
            {
                return first;
            }

            try
            {
                await next.Task.WaitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"No message for {address} arrived within {timeout.TotalSeconds} s.");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // under /tmp; removed with the scratch folder
        }
    }

    private async Task<string?> TryStartAsync()
    {
        var script = Path.Combine(AppContext.BaseDirectory, "Smtp", "smtp_sink.py");
        var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var errors = new System.Text.StringBuilder();
        var start = new ProcessStartInfo(python)
        {
            ArgumentList = { "-u", script, "127.0.0.1", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), Folder },
            RedirectStandardInput = true, // held open while the tests run: the server exits when it closes
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("no process");
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return $"Could not run {python} for the test SMTP server ({ex.Message})";
        }

        process.EnableRaisingEvents = true;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data == "ready")
            {
                ready.TrySetResult();
            }
            else if (e.Data?.StartsWith("saved ", StringComparison.Ordinal) == true)
            {
                Notify();
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            lock (errors)
            {
                errors.AppendLine(e.Data);
            }
        };
        process.Exited += (_, _) => ready.TrySetResult();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            await ready.Task.WaitAsync(StartTimeout);
        }
        catch (TimeoutException)
        {
        }

        if (process.HasExited || !await AcceptsConnectionsAsync())
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync();
            string reason;
            lock (errors)
            {
                reason = errors.ToString().Trim().Split('\n').LastOrDefault(l => l.Trim().Length > 0)?.Trim() ?? "no output";
            }

            process.Dispose();
            return $"The test SMTP server did not start on 127.0.0.1:{Port}: {reason}";
        }

        _process = process;
        return null;
    }

    /// <summary>Polls the port until a connection succeeds (bounded), so "ready" is proven, not assumed.</summary>
    private async Task<bool> AcceptsConnectionsAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return true;
            }
            catch (SocketException)
            {
                await Task.Delay(25);
            }
        }

        return false;
    }

    private void Notify()
    {
        List<TaskCompletionSource> waiters;
        lock (_gate)
        {
            waiters = [.. _waiters];
            _waiters.Clear();
        }

        foreach (var waiter in waiters)
        {
            waiter.TrySetResult();
        }
    }
}
