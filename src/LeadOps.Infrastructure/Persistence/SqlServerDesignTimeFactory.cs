using Microsoft.EntityFrameworkCore.Design;

namespace LeadOps.Infrastructure.Persistence;

public sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerLeadOpsDbContext>
{
    public SqlServerLeadOpsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerLeadOpsDbContext>().UseSqlServer("Server=localhost;Database=LeadOps;Integrated Security=true;TrustServerCertificate=true").Options);
}
