using LeadOps.Domain.Outgoing;

namespace LeadOps.Infrastructure.Persistence.Configurations;

internal sealed class OutgoingDeliveryConfiguration : IEntityTypeConfiguration<OutgoingDelivery>
{
    public void Configure(EntityTypeBuilder<OutgoingDelivery> builder)
    {
        builder.Property(d => d.EventName).HasMaxLength(OutgoingEventNames.Length);
        builder.Property(d => d.LastError).HasMaxLength(TextLimit.Reason);
        builder.Property(d => d.ClaimedBy).IsConcurrencyToken();
        builder.HasOne<WebhookEndpoint>().WithMany().HasForeignKey(d => d.EndpointId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => new { d.EndpointId, d.EventId }).IsUnique();
        builder.HasIndex(d => new { d.Status, d.NextAttemptAt });
    }
}
