using LeadOps.Domain.Leads.Stages;

namespace LeadOps.Infrastructure.Persistence.Configurations;

internal sealed class LeadStageChangeConfiguration : IEntityTypeConfiguration<LeadStageChange>
{
    public void Configure(EntityTypeBuilder<LeadStageChange> builder)
    {
        builder.Property(c => c.FromStageKey).HasMaxLength(PipelineStage.KeyLength);
        builder.Property(c => c.FromStageName).HasMaxLength(PipelineStage.NameLength);
        builder.Property(c => c.ToStageKey).HasMaxLength(PipelineStage.KeyLength);
        builder.Property(c => c.ToStageName).HasMaxLength(PipelineStage.NameLength);
        builder.Property(c => c.ActorId).HasMaxLength(UserId.MaxLength);
        builder.HasOne(c => c.Lead).WithMany().HasForeignKey(c => c.LeadId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.LeadId, c.At });
    }
}
