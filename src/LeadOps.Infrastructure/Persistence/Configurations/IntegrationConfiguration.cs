namespace LeadOps.Infrastructure.Persistence.Configurations;

internal sealed class IntegrationConfiguration : IEntityTypeConfiguration<Integration>
{
    public void Configure(EntityTypeBuilder<Integration> builder)
    {
        builder.Property(i => i.Name).HasMaxLength(Integration.NameLength).IsRequired();
        builder.Property(i => i.PageId).HasMaxLength(FacebookId.MaxLength).IsRequired();
        builder.Property(i => i.PageName).HasMaxLength(Integration.PageNameLength).IsRequired();
        builder.Property(i => i.ProtectedToken).HasMaxLength(Integration.ProtectedTokenLength).IsRequired();
        builder.Property(i => i.TokenLast4).HasMaxLength(4).IsRequired();
        builder.Property(i => i.GrantedScopes).HasMaxLength(Integration.GrantedScopesLength);
        builder.Property(i => i.MissingPermissions).HasMaxLength(Integration.MissingPermissionsLength).IsRequired();
        builder.Property(i => i.LastError).HasMaxLength(TextLimit.Reason);
        builder.Property(i => i.LastCheckMethod).HasMaxLength(Integration.CheckMethodLength);
        builder.Property(i => i.WelcomeSubject).HasMaxLength(Integration.WelcomeSubjectLength).IsRequired();
        builder.Property(i => i.WelcomeBody).HasMaxLength(Integration.WelcomeBodyLength).IsRequired();
        builder.Property(i => i.SubscriptionNote).HasMaxLength(TextLimit.Reason);
        builder.Property(i => i.LeadAccessNote).HasMaxLength(TextLimit.Reason);
        builder.Property(i => i.SyncPauseReason).HasMaxLength(TextLimit.Reason);
        builder.Ignore(i => i.MissingPermissionList);
        builder.HasIndex(i => i.PageId);
        builder.HasMany(i => i.Forms).WithOne().HasForeignKey(f => f.IntegrationId).OnDelete(DeleteBehavior.Cascade);
    }
}
