using LeadOps.Domain.Leads.Stages;

namespace LeadOps.Infrastructure.Persistence.Configurations;

internal sealed class PipelineStageConfiguration : IEntityTypeConfiguration<PipelineStage>
{
    public void Configure(EntityTypeBuilder<PipelineStage> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Key).HasMaxLength(PipelineStage.KeyLength).IsRequired();
        builder.Property(s => s.Name).HasMaxLength(PipelineStage.NameLength).IsRequired();
        builder.Property(s => s.MetaEventName).HasMaxLength(PipelineStage.NameLength);
        builder.Ignore(s => s.IsEntry);
        builder.Ignore(s => s.EventName);
        builder.HasIndex(s => new { s.OwnerId, s.Key }).IsUnique();
    }
}
