namespace LeadOps.Infrastructure.Persistence.Configurations;

internal sealed class IntegrationConfiguration : IEntityTypeConfiguration<Integration>
{
    public void Configure(EntityTypeBuilder<Integration> builder)
    {
        builder.Property(i => i.PageId).HasMaxLength(FacebookId.MaxLength);
        builder.Property(i => i.TokenLast4).HasMaxLength(4);
        builder.Property(i => i.LastError).HasMaxLength(TextLimit.Reason);
        builder.Property(i => i.LastCheckMethod).HasMaxLength(Integration.CheckMethodLength);
        builder.Property(i => i.SubscriptionNote).HasMaxLength(TextLimit.Reason);
        builder.Property(i => i.LeadAccessNote).HasMaxLength(TextLimit.Reason);
        builder.Property(i => i.SyncPauseReason).HasMaxLength(TextLimit.Reason);
        builder.Property(i => i.LeadAlerts).HasConversion<int>(); // stored as its number
        builder.Ignore(i => i.MissingPermissionList);
        builder.HasIndex(i => i.PageId);

        // One integration per user and page (ADR 0027): two connects at the same moment cannot both store one. The
        // integration from the environment variable is apart (its owner may have connected the same page by hand), and
        // so is one whose page is not known yet. SQLite's quoting here; SqlServerLeadOpsDbContext states it in its own.
        builder.HasIndex(i => new { i.OwnerId, i.PageId }).IsUnique().HasFilter(OnePerPageFilter("\"IsFromEnvironment\"", "\"PageId\""));
        builder.HasMany(i => i.Forms).WithOne().HasForeignKey(f => f.IntegrationId).OnDelete(DeleteBehavior.Cascade);
    }

    /// <summary>The rows the one-per-page rule holds for, in the provider's quoting of the columns.</summary>
    public static string OnePerPageFilter(string isFromEnvironmentColumn, string pageIdColumn) => $"{isFromEnvironmentColumn} = 0 AND {pageIdColumn} <> ''";
}
