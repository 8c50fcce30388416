namespace LeadOps.Infrastructure.Persistence.Configurations;

internal sealed class LeadFailureConfiguration : IEntityTypeConfiguration<LeadFailure>
{
    public void Configure(EntityTypeBuilder<LeadFailure> builder)
    {
        builder.Property(f => f.FacebookLeadId).HasMaxLength(FacebookId.MaxLength);
        builder.Property(f => f.FormId).HasMaxLength(FacebookId.MaxLength);
        builder.Property(f => f.Reason).HasMaxLength(TextLimit.Reason);
        builder.HasIndex(f => new { f.OwnerId, f.FacebookLeadId }).IsUnique();
        builder.HasIndex(f => new { f.OwnerId, f.LastFailedAt });
    }
}
