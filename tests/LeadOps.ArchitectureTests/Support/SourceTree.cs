namespace LeadOps.ArchitectureTests.Support;

/// <summary>The repository's own source files, for the rules that read the code itself (not build output).</summary>
internal static class SourceTree
{
    public static string Root { get; } = FindRoot();

    /// <summary>Every C# file under <paramref name="folder"/> (relative to the root), build output aside.</summary>
    public static IEnumerable<string> CSharpFiles(string folder = "src") =>
        Directory.EnumerateFiles(Path.Combine(Root, folder), "*.cs", SearchOption.AllDirectories)
            .Where(f => !Relative(f).Split('/').Any(part => part is "obj" or "bin"))
            .Order(StringComparer.Ordinal);

    /// <summary>The path from the repository root, with forward slashes.</summary>
    public static string Relative(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');

    public static bool IsMigration(string relativePath) => relativePath.Contains("/Migrations/", StringComparison.Ordinal);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "LeadOps.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("LeadOps.sln not found above the test directory");
    }
}
