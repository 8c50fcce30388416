namespace LeadOps.Infrastructure.Persistence.Configurations;

internal sealed class ConversionsLinkConfiguration : IEntityTypeConfiguration<ConversionsLink>
{
    public void Configure(EntityTypeBuilder<ConversionsLink> builder)
    {
        builder.HasOne<Integration>().WithMany().HasForeignKey(l => l.IntegrationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => new { l.OwnerId, l.IntegrationId }).IsUnique();
    }
}
