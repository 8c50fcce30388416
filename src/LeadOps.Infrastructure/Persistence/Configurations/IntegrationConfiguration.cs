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
        builder.HasMany(i => i.Forms).WithOne().HasForeignKey(f => f.IntegrationId).OnDelete(DeleteBehavior.Cascade);
    }
}
