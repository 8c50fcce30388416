using LeadOps.Domain.Leads.Stages;

namespace LeadOps.Infrastructure.Persistence.Configurations;

internal sealed class LeadNoteConfiguration : IEntityTypeConfiguration<LeadNote>
{
    public void Configure(EntityTypeBuilder<LeadNote> builder)
    {
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Text).HasMaxLength(LeadNote.TextLength).IsRequired();
        builder.Property(n => n.AuthorId).HasMaxLength(UserId.MaxLength).IsRequired();
        builder.HasOne<Lead>().WithMany().HasForeignKey(n => n.LeadId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(n => new { n.LeadId, n.At });
    }
}
