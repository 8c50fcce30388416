using LeadOps.Domain.Outgoing;

namespace LeadOps.Infrastructure.Persistence.Configurations;

internal sealed class OutgoingEventConfiguration : IEntityTypeConfiguration<OutgoingEvent>
{
    public void Configure(EntityTypeBuilder<OutgoingEvent> builder)
    {
        builder.Property(e => e.Name).HasMaxLength(OutgoingEventNames.Length);
        builder.Property(e => e.Detail).HasMaxLength(OutgoingEvent.ReasonLength);
        builder.HasIndex(e => e.EventId).IsUnique();
        builder.HasIndex(e => new { e.ProcessedAt, e.Id });
        builder.HasOne(e => e.Lead).WithMany().HasForeignKey(e => e.LeadId).OnDelete(DeleteBehavior.Cascade);
    }
}
