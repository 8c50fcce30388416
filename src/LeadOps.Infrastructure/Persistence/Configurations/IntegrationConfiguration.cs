using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LeadOps.Infrastructure.Persistence.Configurations;

internal sealed class IntegrationConfiguration : IEntityTypeConfiguration<Integration>
{
    public void Configure(EntityTypeBuilder<Integration> builder)
    {
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Name).HasMaxLength(100).IsRequired();
        builder.Property(i => i.PageId).HasMaxLength(64).IsRequired();
        builder.Property(i => i.PageName).HasMaxLength(200).IsRequired();
        builder.Property(i => i.ProtectedToken).HasMaxLength(8000).IsRequired();
        builder.Property(i => i.TokenLast4).HasMaxLength(4).IsRequired();
        builder.Property(i => i.GrantedScopes).HasMaxLength(2000);
        builder.Property(i => i.MissingPermissions).HasMaxLength(500).IsRequired();
        builder.Property(i => i.LastError).HasMaxLength(1000);
        builder.Property(i => i.LastCheckMethod).HasMaxLength(20);
        builder.Property(i => i.WelcomeSubject).HasMaxLength(200).IsRequired();
        builder.Property(i => i.WelcomeBody).HasMaxLength(10_000).IsRequired();
        builder.Ignore(i => i.MissingPermissionList);
        builder.HasIndex(i => i.PageId);
        builder.HasMany(i => i.Forms).WithOne().HasForeignKey(f => f.IntegrationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class IntegrationFormConfiguration : IEntityTypeConfiguration<IntegrationForm>
{
    public void Configure(EntityTypeBuilder<IntegrationForm> builder)
    {
        builder.HasKey(f => f.Id);
        builder.Property(f => f.FormId).HasMaxLength(64).IsRequired();
        builder.Property(f => f.Name).HasMaxLength(300).IsRequired();
        builder.Property(f => f.Status).HasMaxLength(20).IsRequired();
        builder.HasIndex(f => new { f.IntegrationId, f.FormId }).IsUnique();
        builder.HasIndex(f => new { f.SyncEnabled, f.LastSyncedAt });
    }
}
