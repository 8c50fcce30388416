using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace LeadOps.Benchmarks;

/// <summary>The table on the console and docs/benchmarks.md.</summary>
public static class BenchmarkReportWriter
{
    private static readonly string[] Header = ["Scenario", "Figure", "Value", "Floor (same run)", "Ratio", "Goal", "Result"];

    public static IReadOnlyList<string[]> Rows(BenchmarkReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return [.. report.Figures.Select(f => new[]
        {
            f.Scenario,
            f.Name,
            Number(f.Value, f.Unit),
            f.Floor is { } floor ? Number(floor, f.Unit) : "",
            f.Ratio is { } ratio ? ratio.ToString("0.00", CultureInfo.InvariantCulture) : "",
            f.Goal,
            f.Met switch { true => "met", false => "MISSED", null => "-" },
        })];
    }

    public static string ConsoleTable(BenchmarkReport report)
    {
        var rows = Rows(report);
        var widths = Header.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        var text = new StringBuilder();
        void Line(string[] cells) => text.AppendLine(string.Join(" | ", cells.Select((c, i) => i is 2 or 3 or 4 ? c.PadLeft(widths[i]) : c.PadRight(widths[i]))));
        Line(Header);
        text.AppendLine(string.Join("-+-", widths.Select(w => new string('-', w))));
        foreach (var row in rows)
        {
            Line(row);
        }

        foreach (var note in report.Figures.Where(f => f.Note is not null))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {f(note)}: {note.Note}");
        }

        return text.ToString();

        static string f(Figure figure) => $"{figure.Scenario} / {figure.Name}";
    }

    public static string Markdown(BenchmarkReport report, string command, string? observations)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        text.AppendLine("# Benchmarks");
        text.AppendLine();
        text.AppendLine("LeadOps measured where it matters, each figure next to its floor measured in the same run, so the ratio holds on a noisy");
        text.AppendLine("machine. The harness is `bench/LeadOps.Benchmarks` (a console app, not part of `dotnet test`; a smoke test in");
        text.AppendLine("`tests/LeadOps.IntegrationTests/Benchmarks` runs every scenario at `--size small` to keep it alive).");
        text.AppendLine();
        text.AppendLine("## Reproduce");
        text.AppendLine();
        text.AppendLine("```");
        text.AppendLine(command);
        text.AppendLine("```");
        text.AppendLine();
        text.AppendLine("Scenarios: `retrieval`, `webhook`, `inbox`, `send`, `latency`, or `all` (several names may be given); `--size small` makes every scenario tiny (a smoke run, not a measurement).");
        text.AppendLine();
        text.AppendLine("## Machine and run");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"- Date: {report.StartedAt:yyyy-MM-dd HH:mm} UTC, size `{report.Size.ToString().ToLowerInvariant()}`, {report.Elapsed.TotalMinutes:F1} minutes in all");
        text.AppendLine(CultureInfo.InvariantCulture, $"- CPU: {Environment.ProcessorCount} logical cores ({RuntimeInformation.ProcessArchitecture})");
        text.AppendLine(CultureInfo.InvariantCulture, $"- Memory: {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024):F1} GB available to the process");
        text.AppendLine(CultureInfo.InvariantCulture, $"- OS: {RuntimeInformation.OSDescription}");
        text.AppendLine(CultureInfo.InvariantCulture, $"- .NET: {RuntimeInformation.FrameworkDescription}, Release build, {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC (the app's runtime settings as shipped: src/LeadOps.Web/RuntimeDefaults.props)");
        text.AppendLine();
        text.AppendLine("## Figures");
        text.AppendLine();
        text.AppendLine("| " + string.Join(" | ", Header) + " |");
        text.AppendLine("|" + string.Join("|", Header.Select((_, i) => i is 2 or 3 or 4 ? " ---: " : " --- ")) + "|");
        foreach (var row in Rows(report))
        {
            text.AppendLine("| " + string.Join(" | ", row) + " |");
        }

        var notes = report.Figures.Where(f => f.Note is not null).ToList();
        if (notes.Count > 0)
        {
            text.AppendLine();
            foreach (var figure in notes)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"- *{figure.Scenario} / {figure.Name}*: {figure.Note}.");
            }
        }

        if (!string.IsNullOrWhiteSpace(observations))
        {
            text.AppendLine();
            text.AppendLine(observations.Trim());
        }

        return text.ToString();
    }

    private static string Number(double value, string unit) => unit switch
    {
        "×" => value.ToString("0.00", CultureInfo.InvariantCulture) + " ×",
        "ms" => value.ToString("0.00", CultureInfo.InvariantCulture) + " ms",
        "MB" => value.ToString("0", CultureInfo.InvariantCulture) + " MB",
        _ => value.ToString("N0", CultureInfo.InvariantCulture) + " " + unit,
    };
}
