namespace LeadOps.Infrastructure.Persistence.Configurations;

/// <summary>
/// One row per page a delivery names, however many: the failed deliveries of a user's pages are found by the index on
/// the page. Both keys are narrow (a bigint and at most <see cref="FacebookId.MaxLength"/> characters), well inside SQL
/// Server's 900-byte limit on a clustered key, where a list of every page in one column could not be indexed at all.
/// </summary>
internal sealed class WebhookDeliveryPageConfiguration : IEntityTypeConfiguration<WebhookDeliveryPage>
{
    public void Configure(EntityTypeBuilder<WebhookDeliveryPage> builder)
    {
        builder.HasKey(p => new { p.DeliveryId, p.PageId });
        builder.Property(p => p.PageId).HasMaxLength(FacebookId.MaxLength);
        builder.HasIndex(p => p.PageId);
    }
}
