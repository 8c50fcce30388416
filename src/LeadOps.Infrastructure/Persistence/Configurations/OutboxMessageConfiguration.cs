namespace LeadOps.Infrastructure.Persistence.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        // Recording an outcome updates the row only while the claim it was sent under still holds (ADR 0004).
        builder.Property(o => o.ClaimedBy).IsConcurrencyToken();
        builder.Property(o => o.LastError).HasMaxLength(TextLimit.Reason);
        builder.HasOne(o => o.Lead).WithMany().HasForeignKey(o => o.LeadId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(o => new { o.LeadId, o.Kind }).IsUnique();
        builder.HasIndex(o => new { o.Status, o.NextAttemptAt });
    }
}
