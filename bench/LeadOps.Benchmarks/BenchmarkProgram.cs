using System.Globalization;

namespace LeadOps.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project bench/LeadOps.Benchmarks -- &lt;retrieval|webhook|inbox|send|latency|export|all&gt; [--size small|full] [--no-write] [--product-only]</c>.
/// Prints one table and writes docs/benchmarks.md (a full run only).
/// </summary>
internal static class BenchmarkProgram
{
    public static async Task<int> Main(string[] args)
    {
        if (args is [RetrievalScenario.ChildArgument, .. var childArgs])
        {
            try
            {
                return await RetrievalScenario.RunChildAsync(childArgs, CancellationToken.None);
            }
            finally
            {
                BenchmarkRunner.DeleteScratch();
            }
        }

        var size = BenchmarkSize.Full;
        var write = true;
        var names = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--size" when i + 1 < args.Length:
                    size = args[++i].ToLowerInvariant() switch
                    {
                        "small" => BenchmarkSize.Small,
                        "full" => BenchmarkSize.Full,
                        var other => throw new ArgumentException($"Unknown size '{other}': small or full."),
                    };
                    break;
                case "--no-write":
                    write = false;
                    break;
                case "--product-only":
                    RetrievalScenario.ProductOnly = true;
                    write = false;
                    break;
                default:
                    names.Add(args[i]);
                    break;
            }
        }

        if (names.Count == 0)
        {
            Console.Error.WriteLine("usage: dotnet run -c Release --project bench/LeadOps.Benchmarks -- <retrieval|webhook|inbox|send|latency|export|all> [--size small|full] [--no-write]");
            return 2;
        }

#if DEBUG
        Console.Error.WriteLine("warning: a Debug build; figures are only meaningful from -c Release");
#endif
        var report = await BenchmarkRunner.RunAsync(names, size, Console.Out);
        Console.WriteLine();
        Console.WriteLine(BenchmarkReportWriter.ConsoleTable(report));

        if (write && size == BenchmarkSize.Full)
        {
            var command = "dotnet run -c Release --project bench/LeadOps.Benchmarks -- " + string.Join(' ', args);
            var docs = Path.Combine(BenchApp.RepositoryRoot, "docs", "benchmarks.md");
            var observations = File.Exists(ObservationsPath(docs)) ? await File.ReadAllTextAsync(ObservationsPath(docs)) : null;
            await File.WriteAllTextAsync(docs, BenchmarkReportWriter.Markdown(report, command, observations));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"written: {docs}"));
        }

        // A missed goal is reported in the table (and in docs/benchmarks.md), not as a failed command.
        return 0;
    }

    /// <summary>Hand-written notes (causes, fixes, caveats) appended under the generated table.</summary>
    private static string ObservationsPath(string docs) => Path.Combine(Path.GetDirectoryName(docs)!, "benchmarks-notes.md");
}
