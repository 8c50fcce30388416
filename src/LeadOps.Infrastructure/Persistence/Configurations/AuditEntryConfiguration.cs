namespace LeadOps.Infrastructure.Persistence.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(a => a.ActorId).HasMaxLength(UserId.MaxLength).IsRequired();
        builder.Property(a => a.Action).HasMaxLength(AuditEntry.ActionLength).IsRequired();
        builder.Property(a => a.SubjectType).HasMaxLength(AuditEntry.SubjectTypeLength).IsRequired();
        builder.Property(a => a.SubjectId).HasMaxLength(AuditEntry.SubjectIdLength).IsRequired();
        builder.Property(a => a.Outcome).HasMaxLength(AuditEntry.OutcomeLength).IsRequired();
        builder.Property(a => a.Detail).HasMaxLength(TextLimit.Reason);
        builder.Property(a => a.Via).HasMaxLength(AuditEntry.ViaLength);
        builder.HasIndex(a => new { a.OwnerId, a.At });
    }
}
