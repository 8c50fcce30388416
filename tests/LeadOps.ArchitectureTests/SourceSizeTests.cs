using System.Text.RegularExpressions;
using LeadOps.ArchitectureTests.Support;

namespace LeadOps.ArchitectureTests;

/// <summary>
/// Files stay small enough to read in one go, and each type lives in a file named after it, so that a newcomer finds a
/// use case, a port or a view by its name. Migrations are generated and aside.
/// </summary>
public sealed partial class SourceSizeTests
{
    private const int MaxLines = 300;
    private const int MaxApiLines = 150;
    private const double MaxAwayShare = 0.15;

    private static readonly string[] CoreProjects = ["src/LeadOps.Domain", "src/LeadOps.Application", "src/LeadOps.Infrastructure"];

    [TestCaseSource(nameof(CoreProjects))]
    public void No_file_of_a_core_project_is_over_300_lines(string project) =>
        Assert.That(LongFiles(project, MaxLines), Is.Empty);

    [Test]
    public void No_file_in_src_is_over_300_lines() =>
        Assert.That(LongFiles("src", MaxLines), Is.Empty);

    [Test]
    public void No_file_of_the_web_api_is_over_150_lines() =>
        Assert.That(LongFiles("src/LeadOps.Web/Api", MaxApiLines), Is.Empty);

    [TestCaseSource(nameof(CoreProjects))]
    public void Types_of_a_core_project_live_in_files_named_after_them(string project)
    {
        var (away, total) = TypesAway(project);
        Assert.That(away.Count, Is.LessThanOrEqualTo(total * MaxAwayShare), string.Join(Environment.NewLine, away));
    }

    [Test]
    public void At_most_15_percent_of_the_types_in_src_live_in_a_file_named_after_something_else()
    {
        var (away, total) = TypesAway("src");
        Assert.That(away.Count, Is.LessThanOrEqualTo(total * MaxAwayShare), string.Join(Environment.NewLine, away));
    }

    [TestCase("Foo.cs", "Foo", true)]
    [TestCase("Foo.cs", "FooHandler", true)]
    [TestCase("Foo.cs", "FooValidator", true)]
    [TestCase("Foo.cshtml.cs", "FooModel", true)]
    [TestCase("Foo.cs", "FooModel", false)]
    [TestCase("Foo.cs", "Bar", false)]
    public void A_type_is_at_home_in_a_file_named_after_it_its_handler_or_validator(string file, string type, bool home) =>
        Assert.That(IsAtHome(file, type), Is.EqualTo(home));

    private static List<string> LongFiles(string folder, int maxLines) =>
        [.. SourceTree.CSharpFiles(folder)
            .Select(f => (File: SourceTree.Relative(f), Lines: File.ReadAllText(f).Count(c => c == '\n')))
            .Where(f => !SourceTree.IsMigration(f.File) && f.Lines > maxLines)
            .Select(f => $"{f.File}: {f.Lines} lines")];

    /// <summary>Top-level types (declared at the start of a line, file-scoped namespaces) whose file is named after something else.</summary>
    private static (List<string> Away, int Total) TypesAway(string folder)
    {
        var away = new List<string>();
        var total = 0;
        foreach (var file in SourceTree.CSharpFiles(folder).Where(f => !SourceTree.IsMigration(SourceTree.Relative(f))))
        {
            foreach (Match m in TopLevelType().Matches(File.ReadAllText(file)))
            {
                total++;
                if (!IsAtHome(Path.GetFileName(file), m.Groups["name"].Value))
                {
                    away.Add($"{SourceTree.Relative(file)}: {m.Groups["name"].Value}");
                }
            }
        }

        return (away, total);
    }

    private static bool IsAtHome(string fileName, string type)
    {
        var stem = fileName.Split('.')[0];
        return type == stem || type == stem + "Handler" || type == stem + "Validator" ||
               (fileName.EndsWith(".cshtml.cs", StringComparison.Ordinal) && type == stem + "Model");
    }

    [GeneratedRegex(@"^(?:public |internal |file )?(?:sealed |static |abstract |partial |readonly )*(?:partial )?(?:class|record struct|record|struct|interface|enum) (?<name>\w+)", RegexOptions.Multiline)]
    private static partial Regex TopLevelType();
}
