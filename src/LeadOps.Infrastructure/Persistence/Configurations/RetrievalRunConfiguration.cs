namespace LeadOps.Infrastructure.Persistence.Configurations;

internal sealed class RetrievalRunConfiguration : IEntityTypeConfiguration<RetrievalRun>
{
    public void Configure(EntityTypeBuilder<RetrievalRun> builder)
    {
        builder.Property(r => r.FormId).HasMaxLength(FacebookId.MaxLength);
        builder.Property(r => r.FormName).HasMaxLength(IntegrationForm.NameLength);
        builder.Property(r => r.Outcome).HasMaxLength(30);
        builder.Property(r => r.Error).HasMaxLength(TextLimit.Reason);
        builder.Property(r => r.Warning).HasMaxLength(TextLimit.Reason);
        builder.Ignore(r => r.Duration);
        builder.HasIndex(r => new { r.OwnerId, r.StartedAt });
        builder.HasIndex(r => new { r.Outcome, r.HeartbeatAt }); // runs gone quiet, for every owner
    }
}
