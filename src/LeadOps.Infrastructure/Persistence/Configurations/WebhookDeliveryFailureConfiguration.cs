namespace LeadOps.Infrastructure.Persistence.Configurations;

/// <summary>
/// One row per owner and page whose events failed on a delivery's last attempt: a user's failed deliveries are found by
/// the index on the owner, so another user of the same page never finds them. The three columns are a unique index, not
/// the key: with an owner id of up to 450 characters they could pass SQL Server's 900-byte limit on a clustered key
/// (a nonclustered index has 1,700).
/// </summary>
internal sealed class WebhookDeliveryFailureConfiguration : IEntityTypeConfiguration<WebhookDeliveryFailure>
{
    public void Configure(EntityTypeBuilder<WebhookDeliveryFailure> builder)
    {
        builder.HasIndex(f => new { f.DeliveryId, f.PageId, f.OwnerId }).IsUnique();
        builder.Property(f => f.PageId).HasMaxLength(FacebookId.MaxLength);
        builder.Property(f => f.OwnerId).HasMaxLength(UserId.MaxLength);
        builder.Property(f => f.Error).HasMaxLength(TextLimit.Reason);
        builder.HasIndex(f => new { f.OwnerId, f.PageId });
    }
}
