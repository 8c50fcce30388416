namespace LeadOps.Infrastructure.Persistence.Configurations;

internal sealed class SavedReplyConfiguration : IEntityTypeConfiguration<SavedReply>
{
    public void Configure(EntityTypeBuilder<SavedReply> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Title).HasMaxLength(SavedReply.TitleLength).IsRequired();
        builder.Property(r => r.Text).HasMaxLength(SavedReply.TextLength).IsRequired();
        builder.HasIndex(r => new { r.OwnerId, r.Title });
    }
}
