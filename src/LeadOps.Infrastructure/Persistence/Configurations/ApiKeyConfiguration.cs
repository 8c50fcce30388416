using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LeadOps.Infrastructure.Persistence.Configurations;

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Name).HasMaxLength(100).IsRequired();
        builder.Property(k => k.Prefix).HasMaxLength(20).IsRequired();
        builder.HasIndex(k => k.Prefix).IsUnique();
        builder.Property(k => k.SecretHash).HasMaxLength(32).IsRequired();
        builder.Ignore(k => k.IsActive);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.ActorId).HasMaxLength(450).IsRequired();
        builder.Property(a => a.Action).HasMaxLength(50).IsRequired();
        builder.Property(a => a.SubjectType).HasMaxLength(50).IsRequired();
        builder.Property(a => a.SubjectId).HasMaxLength(100).IsRequired();
        builder.Property(a => a.Outcome).HasMaxLength(50).IsRequired();
        builder.Property(a => a.Detail).HasMaxLength(1000);
        builder.HasIndex(a => new { a.OwnerId, a.At });
    }
}
