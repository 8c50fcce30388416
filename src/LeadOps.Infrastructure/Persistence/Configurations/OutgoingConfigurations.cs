using LeadOps.Domain.Outgoing;

namespace LeadOps.Infrastructure.Persistence.Configurations;

// The Outgoing module's tables: webhook endpoints, the events raised for them, each endpoint's deliveries and their
// attempts, and staff alerts.

internal sealed class WebhookEndpointConfiguration : IEntityTypeConfiguration<WebhookEndpoint>
{
    public void Configure(EntityTypeBuilder<WebhookEndpoint> builder)
    {
        builder.Ignore(e => e.IsPaused);
        builder.Ignore(e => e.EventNames);
        builder.HasIndex(e => new { e.OwnerId, e.FormToken }).IsUnique(); // one endpoint per page form sent (ADR 0018)
    }
}

internal sealed class OutgoingEventConfiguration : IEntityTypeConfiguration<OutgoingEvent>
{
    public void Configure(EntityTypeBuilder<OutgoingEvent> builder)
    {
        builder.Property(e => e.Name).HasMaxLength(OutgoingEventNames.Length);
        builder.Property(e => e.Detail).HasMaxLength(OutgoingEvent.DetailLength);
        // Each save of a fan-out's outcome (a failure counted, the event set aside, processed, tried again by staff) is
        // conditional on the count it read: of two nodes failing the same event at once, one counts it (ADR 0024).
        builder.Property(e => e.FanOutAttempts).IsConcurrencyToken();
        builder.HasIndex(e => e.EventId).IsUnique();
        builder.HasIndex(e => new { e.ProcessedAt, e.Id });
        builder.HasOne(e => e.Lead).WithMany().HasForeignKey(e => e.LeadId).OnDelete(DeleteBehavior.Cascade);
    }
}

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

internal sealed class DeliveryAttemptConfiguration : IEntityTypeConfiguration<DeliveryAttempt>
{
    public void Configure(EntityTypeBuilder<DeliveryAttempt> builder)
    {
        builder.Property(a => a.EventName).HasMaxLength(OutgoingEventNames.Length);
        builder.Property(a => a.Error).HasMaxLength(TextLimit.Reason);
        builder.HasOne<WebhookEndpoint>().WithMany().HasForeignKey(a => a.EndpointId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.EndpointId, a.At });
    }
}

internal sealed class StaffAlertConfiguration : IEntityTypeConfiguration<StaffAlert>
{
    public void Configure(EntityTypeBuilder<StaffAlert> builder)
    {
        builder.Property(a => a.LastError).HasMaxLength(TextLimit.Reason);

        // Never more than one alert per lead (or escalation, or pause): the key says which.
        builder.HasIndex(a => new { a.OwnerId, a.Key }).IsUnique();
        builder.HasIndex(a => new { a.SentAt, a.DueAt });
    }
}
