using Microsoft.EntityFrameworkCore.Design;

namespace LeadOps.Infrastructure.Persistence;

/// <summary>
/// Lets <c>dotnet ef</c> build each provider's context without the web host:
/// <c>dotnet ef migrations add Name --project src/LeadOps.Infrastructure --context SqliteLeadOpsDbContext --output-dir Persistence/Migrations/Sqlite</c>
/// (and the same with SqlServerLeadOpsDbContext and Persistence/Migrations/SqlServer).
/// </summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteLeadOpsDbContext>
{
    public SqliteLeadOpsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteLeadOpsDbContext>().UseSqlite(DatabaseOptions.DefaultSqliteConnectionString).Options);
}
