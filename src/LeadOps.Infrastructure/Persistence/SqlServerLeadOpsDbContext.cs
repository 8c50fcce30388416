namespace LeadOps.Infrastructure.Persistence;

public sealed class SqlServerLeadOpsDbContext(DbContextOptions<SqlServerLeadOpsDbContext> options)
    : LeadOpsDbContext(options)
{
    /// <summary>On SQL Server the Quartz job store's tables are part of the model, so the migrations create them.</summary>
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        Scheduling.QuartzSqlServerSchema.Configure(builder);
        builder.Entity<LeadSearchTerm>().Property(t => t.Term).UseCollation(Configurations.LeadSearchTermConfiguration.SqlServerCollation);

        // The Inbox's words compare ordinally, as on SQLite, so "begins with" is one index range (ADR 0020).
        builder.Entity<ConversationSearchTerm>().Property(t => t.Term).UseCollation("Latin1_General_100_BIN2");

        // One run under way per form (RetrievalRunConfiguration), in SQL Server's quoting.
        builder.Entity<RetrievalRun>().HasIndex(r => new { r.IntegrationId, r.FormId }).HasFilter(Configurations.RetrievalRunConfiguration.RunningFilter("[Outcome]"));

        // One integration per user and page (IntegrationConfiguration), in SQL Server's quoting.
        builder.Entity<Integration>().HasIndex(i => new { i.OwnerId, i.PageId }).HasFilter(Configurations.IntegrationConfiguration.OnePerPageFilter("[IsFromEnvironment]", "[PageId]"));
    }
}
