using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace LeadOps.TestSupport;

/// <summary>
/// A real Redis (Debian's redis-server) on 127.0.0.1 and a free port, without persistence, for the SignalR backplane.
/// Where redis-server is missing the test is skipped with the reason; LEADOPS_REQUIRE_REDIS=1 makes that a failure.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    public const string RequireVariable = "LEADOPS_REQUIRE_REDIS";
    private const string Executable = "/usr/bin/redis-server";

    private readonly Process _process;

    private RedisServer(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The StackExchange.Redis configuration string (what <c>SignalR:Redis</c> takes).</summary>
    public string Configuration => $"127.0.0.1:{Port}";

    public static async Task<RedisServer> StartAsync()
    {
        if (!File.Exists(Executable))
        {
            TestDependency.Missing("redis-server is not installed (apt-get install redis-server)", RequireVariable);
        }

        var port = TestRun.FreePort();
        var process = Process.Start(new ProcessStartInfo(Executable, $"--port {port} --bind 127.0.0.1 --save \"\" --appendonly no")
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        })!;
        process.OutputDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        var server = new RedisServer(process, port);
        try
        {
            await server.WaitForPortAsync();
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private async Task WaitForPortAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port, timeout.Token);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50, timeout.Token);
            }
        }
    }
}
