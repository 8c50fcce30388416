namespace LeadOps.Infrastructure.Persistence.Configurations;

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.HasIndex(k => k.Prefix).IsUnique();
        builder.HasIndex(k => new { k.OwnerId, k.FormToken }).IsUnique(); // one key per page form sent (ADR 0018)
        builder.Property(k => k.SecretHash).HasMaxLength(32);
        builder.Ignore(k => k.IsActive);
    }
}
