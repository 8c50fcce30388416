using LeadOps.Domain.Leads.Conversions;
using LeadOps.Domain.Leads.Stages;

namespace LeadOps.Infrastructure.Persistence.Configurations;

internal sealed class ConversionEventConfiguration : IEntityTypeConfiguration<ConversionEvent>
{
    public void Configure(EntityTypeBuilder<ConversionEvent> builder)
    {
        builder.Property(e => e.StageKey).HasMaxLength(PipelineStage.KeyLength);
        // An outcome is recorded only while the claim it was sent under still holds (as the welcome outbox, ADR 0004).
        builder.Property(e => e.ClaimedBy).IsConcurrencyToken();
        builder.Property(e => e.RequestJson).HasMaxLength(ConversionEvent.RequestLength);
        builder.Property(e => e.FbTraceId).HasMaxLength(ConversionEvent.TraceLength);
        builder.Property(e => e.Error).HasMaxLength(TextLimit.Reason);
        builder.HasOne(e => e.Lead).WithMany().HasForeignKey(e => e.LeadId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.Status, e.NextAttemptAt });
        builder.HasIndex(e => new { e.LeadId, e.CreatedAt });
    }
}
