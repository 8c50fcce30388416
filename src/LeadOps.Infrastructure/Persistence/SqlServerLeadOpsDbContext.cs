using System.Linq.Expressions;
using System.Reflection;
using LeadOps.Infrastructure.Identity;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace LeadOps.Infrastructure.Persistence;

public sealed class SqlServerLeadOpsDbContext(DbContextOptions<SqlServerLeadOpsDbContext> options)
    : LeadOpsDbContext(options)
{
    /// <summary>On SQL Server the Quartz job store's tables are part of the model, so the migrations create them.</summary>
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        Scheduling.QuartzSqlServerSchema.Configure(builder);
    }
}
