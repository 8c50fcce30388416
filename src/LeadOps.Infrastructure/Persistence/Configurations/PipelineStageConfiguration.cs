using LeadOps.Domain.Leads.Stages;

namespace LeadOps.Infrastructure.Persistence.Configurations;

internal sealed class PipelineStageConfiguration : IEntityTypeConfiguration<PipelineStage>
{
    public void Configure(EntityTypeBuilder<PipelineStage> builder)
    {
        builder.Property(s => s.MetaEventName).HasMaxLength(PipelineStage.NameLength);
        builder.Ignore(s => s.IsEntry);
        builder.Ignore(s => s.EventName);
        builder.HasIndex(s => new { s.OwnerId, s.Key }).IsUnique();
    }
}
