using System.Text.RegularExpressions;
using LeadOps.ArchitectureTests.Support;
using LeadOps.Domain.Common;
using LeadOps.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LeadOps.ArchitectureTests;

/// <summary>User isolation in one place: every owned entity carries the named owner filter, on both providers.</summary>
public sealed class OwnershipTests
{
    [Test]
    public void Every_owned_entity_has_the_owner_filter()
    {
        using var sqlite = new SqliteDesignTimeFactory().CreateDbContext([]);
        using var sqlServer = new SqlServerDesignTimeFactory().CreateDbContext([]);
        foreach (DbContext db in new DbContext[] { sqlite, sqlServer })
        {
            var owned = db.Model.GetEntityTypes().Where(e => typeof(IOwnedByUser).IsAssignableFrom(e.ClrType)).ToList();
            Assert.That(owned, Is.Not.Empty);
            foreach (var entity in owned)
            {
                var filters = entity.GetDeclaredQueryFilters().Select(f => f.Key).ToList();
                Assert.That(filters, Does.Contain(LeadOpsDbContext.OwnerFilter), $"{entity.ClrType.Name} on {db.GetType().Name}");
            }
        }
    }

    [Test]
    public void Every_owned_type_in_the_domain_is_mapped()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);
        var mapped = db.Model.GetEntityTypes().Select(e => e.ClrType).ToHashSet();
        var ownedTypes = typeof(IOwnedByUser).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IOwnedByUser).IsAssignableFrom(t));
        Assert.That(ownedTypes.Where(t => !mapped.Contains(t)), Is.Empty, "an owned type that is not mapped escapes the filter check");
    }

    [Test]
    public void Query_filters_are_only_ignored_by_name()
    {
        var offenders = SourceTree.CSharpFiles()
            .Where(f => File.ReadAllText(f).Contains("IgnoreQueryFilters()", StringComparison.Ordinal))
            .Select(SourceTree.Relative);
        Assert.That(offenders, Is.Empty, "name the filter: IgnoreQueryFilters([LeadOpsDbContext.OwnerFilter]) and say why");
    }

    /// <summary>
    /// Renting anywhere else skips handing the context its user; disposing it by hand, and again when the scope ends,
    /// would return one instance to the pool twice and let two scopes share it.
    /// </summary>
    private static readonly Regex RentsOrDisposesTheContext = new(
        @"IDbContextFactory<|\.CreateDbContext\(\)" +
        @"|(Sqlite|SqlServer)LeadOpsDbContext\s+\w+\s*[,)]|GetRequiredService<(Sqlite|SqlServer)LeadOpsDbContext>" +
        @"|using\s*(var\s+\w+\s*=|\()[^;{]*GetRequiredService<LeadOpsDbContext>|\b(db|context|dbContext)\.Dispose(Async)?\(");

    [Test]
    public void The_pooled_context_is_rented_and_disposed_by_the_container_only()
    {
        var offenders = SourceTree.CSharpFiles()
            .Select(f => (Path: SourceTree.Relative(f), Text: File.ReadAllText(f)))
            .Where(f => f.Path != "src/LeadOps.Infrastructure/DependencyInjection.cs" && RentsOrDisposesTheContext.IsMatch(f.Text))
            .Select(f => f.Path);
        Assert.That(offenders, Is.Empty, "take LeadOpsDbContext from the scope and let the scope dispose it");
    }

    [TestCase("var factory = sp.GetRequiredService<IDbContextFactory<SqliteLeadOpsDbContext>>();")]
    [TestCase("var db = factory.CreateDbContext();")]
    [TestCase("internal sealed class Repo(SqliteLeadOpsDbContext db) { }")]
    [TestCase("var db = sp.GetRequiredService<SqlServerLeadOpsDbContext>();")]
    [TestCase("using var db = scope.ServiceProvider.GetRequiredService<LeadOpsDbContext>();")]
    [TestCase("db.Dispose();")]
    [TestCase("await context.DisposeAsync();")]
    public void The_pooled_context_rule_catches(string code) =>
        Assert.That(RentsOrDisposesTheContext.IsMatch(code), Is.True);

    [TestCase("var db = scope.ServiceProvider.GetRequiredService<LeadOpsDbContext>();")]
    [TestCase("internal sealed class Repo(LeadOpsDbContext db) { }")]
    public void The_pooled_context_rule_lets_the_scoped_context_be(string code) =>
        Assert.That(RentsOrDisposesTheContext.IsMatch(code), Is.False);
}
