using LeadOps.ArchitectureTests.Support;

namespace LeadOps.ArchitectureTests;

/// <summary>
/// Raw SQL runs past the owner filter, so it is allowed only in Persistence, where the data layer's own plumbing
/// (pragmas, migrations) needs it; anywhere else a query goes through the owned DbSets.
/// </summary>
public sealed class RawSqlTests
{
    private const string Persistence = "src/LeadOps.Infrastructure/Persistence/";

    private static readonly HashSet<string> RawSqlApis = new(StringComparer.Ordinal)
    {
        "SqlQuery", "SqlQueryRaw",
        "FromSql", "FromSqlRaw", "FromSqlInterpolated",
        "ExecuteSql", "ExecuteSqlAsync", "ExecuteSqlRaw", "ExecuteSqlRawAsync", "ExecuteSqlInterpolated", "ExecuteSqlInterpolatedAsync",
        "GetDbConnection", "CreateCommand",
    };

    [Test]
    public void Raw_sql_is_used_only_in_persistence() =>
        Assert.That(Outside(CodeScanner.UsesInSource(RawSqlApis.Contains)), Is.Empty, "query through the owned DbSets; raw SQL skips the owner filter");

    [TestCase("var rows = await db.Database.SqlQueryRaw<string>(\"SELECT \\\"Email\\\" FROM \\\"Leads\\\"\").ToListAsync();")]
    [TestCase("var rows = await db.Database.SqlQuery<string>($\"SELECT 1\").ToListAsync();")]
    [TestCase("var leads = await db.Leads.FromSqlRaw(\"SELECT * FROM \\\"Leads\\\"\").ToListAsync();")]
    [TestCase("var leads = await db.Leads.FromSql($\"SELECT * FROM \\\"Leads\\\"\").ToListAsync();")]
    [TestCase("await db.Database.ExecuteSqlRawAsync(\"DELETE FROM \\\"Leads\\\"\");")]
    [TestCase("await db.Database.ExecuteSqlAsync($\"DELETE FROM \\\"Leads\\\"\");")]
    [TestCase("var connection = db.Database.GetDbConnection();")]
    public void The_raw_sql_rule_catches_it_outside_persistence_and_names_the_member(string statement)
    {
        var planted = $$"""
            namespace LeadOps.Infrastructure.Leads;

            internal sealed class Shortcut(LeadOpsDbContext db)
            {
                public async Task RunAsync()
                {
                    {{statement}}
                }
            }
            """;

        var outside = Outside(CodeScanner.Uses(planted, "src/LeadOps.Infrastructure/Leads/Shortcut.cs", RawSqlApis.Contains));
        var inside = Outside(CodeScanner.Uses(planted, Persistence + "Shortcut.cs", RawSqlApis.Contains));

        Assert.That(outside.Select(u => u.Member), Is.EqualTo(new[] { "Shortcut.RunAsync" }));
        Assert.That(inside, Is.Empty);
    }

    private static List<CodeUse> Outside(IEnumerable<CodeUse> uses) =>
        [.. uses.Where(u => !u.File.StartsWith(Persistence, StringComparison.Ordinal))];
}
