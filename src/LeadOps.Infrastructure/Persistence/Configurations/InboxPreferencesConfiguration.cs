namespace LeadOps.Infrastructure.Persistence.Configurations;

internal sealed class InboxPreferencesConfiguration : IEntityTypeConfiguration<InboxPreferences>
{
    public void Configure(EntityTypeBuilder<InboxPreferences> builder)
    {
        // One row per user, keyed by the owner.
        builder.HasKey(p => p.OwnerId);
        builder.Ignore(p => p.Thresholds);
    }
}
