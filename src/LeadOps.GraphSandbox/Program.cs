using System.Runtime.InteropServices;

namespace LeadOps.GraphSandbox;

/// <summary>
/// Runs the sandbox standalone: <c>dotnet run --project src/LeadOps.GraphSandbox [--port 5081]</c>.
/// Options come from the <c>Sandbox</c> section of appsettings.json, environment variables (<c>Sandbox__Seed=7</c>)
/// and the command line (<c>--Sandbox:WebhookCallbackUrl=http://127.0.0.1:5080/webhook</c>).
/// </summary>
internal static class Program
{
    private const int DefaultPort = 5081;

    public static async Task<int> Main(string[] args)
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(args, new Dictionary<string, string> { ["--port"] = "Sandbox:Port" })
            .Build();
        var options = SandboxOptions.FromConfiguration(configuration);
        var port = configuration.GetValue("Sandbox:Port", DefaultPort);

        var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

        await using var server = await GraphSandboxServer.StartAsync(options, port);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Graph sandbox listening on {server.BaseAddress} (seed {options.Seed})."));
        Console.WriteLine($"  Graph:   {server.BaseAddress}v25.0/me?fields=id,name  (Authorization: Bearer <page token>)");
        Console.WriteLine($"  Control: {server.BaseAddress}_sandbox");
        Console.WriteLine($"  Main page {SandboxSeed.MainPageId} ({SandboxSeed.MainPageName}), token {SandboxSeed.MainPageToken}");
        Console.WriteLine("Press Ctrl+C to stop.");
        await stop.Task;
        return 0;

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.TrySetResult();
        }
    }
}
