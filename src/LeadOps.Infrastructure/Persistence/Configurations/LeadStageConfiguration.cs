using LeadOps.Domain.Leads.Stages;

namespace LeadOps.Infrastructure.Persistence.Configurations;

/// <summary>The lead's stage columns (ADR 0023), apart from <see cref="LeadConfiguration"/>: filtered and counted per owner and stage.</summary>
internal sealed class LeadStageConfiguration : IEntityTypeConfiguration<Lead>
{
    public void Configure(EntityTypeBuilder<Lead> builder)
    {
        builder.Property(l => l.StageKey).HasMaxLength(PipelineStage.KeyLength);
        builder.HasIndex(l => new { l.OwnerId, l.StageKey, l.CreatedTime });
    }
}
