using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace LeadOps.Infrastructure.Persistence;

public sealed class SqliteLeadOpsDbContext(DbContextOptions<SqliteLeadOpsDbContext> options)
    : LeadOpsDbContext(options)
{
    /// <summary>SQLite cannot compare or sort DateTimeOffset text; store it as a sortable 64-bit value (all values are UTC).</summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}
