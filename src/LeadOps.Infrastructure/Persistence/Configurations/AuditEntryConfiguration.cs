namespace LeadOps.Infrastructure.Persistence.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(a => a.ActorId).HasMaxLength(UserId.MaxLength);
        builder.Property(a => a.Detail).HasMaxLength(TextLimit.Reason);
        builder.HasIndex(a => new { a.OwnerId, a.At });
    }
}
