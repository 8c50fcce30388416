namespace LeadOps.GraphSandbox;

/// <summary><c>GET /_sandbox/console.js</c>: the console's script, embedded in the assembly (no inline script on the page).</summary>
internal static class ConsoleScript
{
    public static string Text { get; } = Read();

    private static string Read()
    {
        using var stream = typeof(ConsoleScript).Assembly.GetManifestResourceStream("LeadOps.GraphSandbox.Control.console.js")
            ?? throw new InvalidOperationException("console.js is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
