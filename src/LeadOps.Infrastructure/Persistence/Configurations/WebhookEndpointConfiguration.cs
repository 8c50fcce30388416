using LeadOps.Domain.Outgoing;

namespace LeadOps.Infrastructure.Persistence.Configurations;

internal sealed class WebhookEndpointConfiguration : IEntityTypeConfiguration<WebhookEndpoint>
{
    public void Configure(EntityTypeBuilder<WebhookEndpoint> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Url).HasMaxLength(WebhookEndpoint.UrlLength).IsRequired();
        builder.Property(e => e.Description).HasMaxLength(WebhookEndpoint.DescriptionLength);
        builder.Property(e => e.Events).HasMaxLength(WebhookEndpoint.EventsLength).IsRequired();
        builder.Property(e => e.ProtectedSecret).HasMaxLength(WebhookEndpoint.ProtectedSecretLength).IsRequired();
        builder.Ignore(e => e.IsPaused);
        builder.Ignore(e => e.EventNames);
    }
}
