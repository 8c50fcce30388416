namespace LeadOps.Infrastructure.Persistence.Configurations;

internal sealed class HeldMessengerEventConfiguration : IEntityTypeConfiguration<HeldMessengerEvent>
{
    public void Configure(EntityTypeBuilder<HeldMessengerEvent> builder)
    {
        builder.Property(h => h.Psid).HasMaxLength(FacebookId.MaxLength);
        builder.HasOne<Integration>().WithMany().HasForeignKey(h => h.IntegrationId).OnDelete(DeleteBehavior.Cascade);

        // A delivery worked on again holds each of its events once.
        builder.HasIndex(h => new { h.IntegrationId, h.DeliveryId, h.Ordinal }).IsUnique();
    }
}
