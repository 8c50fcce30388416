using LeadOps.Domain.Outgoing;

namespace LeadOps.Infrastructure.Persistence.Configurations;

internal sealed class WebhookEndpointConfiguration : IEntityTypeConfiguration<WebhookEndpoint>
{
    public void Configure(EntityTypeBuilder<WebhookEndpoint> builder)
    {
        builder.Ignore(e => e.IsPaused);
        builder.Ignore(e => e.EventNames);
    }
}
