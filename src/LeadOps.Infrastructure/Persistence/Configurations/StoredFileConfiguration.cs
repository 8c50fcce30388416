namespace LeadOps.Infrastructure.Persistence.Configurations;

internal sealed class StoredFileConfiguration : IEntityTypeConfiguration<StoredFile>
{
    public void Configure(EntityTypeBuilder<StoredFile> builder)
    {
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.ContentType).HasMaxLength(StoredFile.ContentTypeLength).IsRequired();
        builder.Property(f => f.FileName).HasMaxLength(StoredFile.FileNameLength);
        builder.Ignore(f => f.IsInlineImage);
    }
}
