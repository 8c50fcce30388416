namespace LeadOps.Infrastructure.Persistence.Configurations;

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> builder)
    {
        builder.Property(w => w.UnknownPageIds).HasMaxLength(WebhookDelivery.PageIdsLength);
        builder.Property(w => w.LastError).HasMaxLength(TextLimit.Reason);
        builder.HasIndex(w => new { w.Status, w.NextAttemptAt });
        builder.HasMany(w => w.Pages).WithOne().HasForeignKey(p => p.DeliveryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(w => w.Failures).WithOne().HasForeignKey(f => f.DeliveryId).OnDelete(DeleteBehavior.Cascade);
    }
}
