namespace LeadOps.Infrastructure.Persistence.Configurations;

internal sealed class ConversionsLinkConfiguration : IEntityTypeConfiguration<ConversionsLink>
{
    public void Configure(EntityTypeBuilder<ConversionsLink> builder)
    {
        builder.HasKey(l => l.Id);
        builder.Property(l => l.DatasetId).HasMaxLength(ConversionsLink.DatasetIdLength).IsRequired();
        builder.Property(l => l.AccessTokenProtected).IsRequired();
        builder.Property(l => l.TestEventCode).HasMaxLength(ConversionsLink.TestEventCodeLength);
        builder.HasOne<Integration>().WithMany().HasForeignKey(l => l.IntegrationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => new { l.OwnerId, l.IntegrationId }).IsUnique();
    }
}
