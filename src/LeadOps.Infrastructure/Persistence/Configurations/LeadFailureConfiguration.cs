namespace LeadOps.Infrastructure.Persistence.Configurations;

internal sealed class LeadFailureConfiguration : IEntityTypeConfiguration<LeadFailure>
{
    public void Configure(EntityTypeBuilder<LeadFailure> builder)
    {
        builder.Property(f => f.FacebookLeadId).HasMaxLength(FacebookId.MaxLength).IsRequired();
        builder.Property(f => f.FormId).HasMaxLength(FacebookId.MaxLength).IsRequired();
        builder.Property(f => f.Source).HasConversion<string>().HasMaxLength(20);
        builder.Property(f => f.Reason).HasMaxLength(TextLimit.Reason).IsRequired();
        builder.HasIndex(f => new { f.OwnerId, f.FacebookLeadId }).IsUnique();
        builder.HasIndex(f => new { f.OwnerId, f.LastFailedAt });
    }
}
