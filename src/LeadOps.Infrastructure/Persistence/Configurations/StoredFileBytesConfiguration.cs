using LeadOps.Infrastructure.Conversations;

namespace LeadOps.Infrastructure.Persistence.Configurations;

internal sealed class StoredFileBytesConfiguration : IEntityTypeConfiguration<StoredFileBytes>
{
    public void Configure(EntityTypeBuilder<StoredFileBytes> builder)
    {
        builder.Property(c => c.Id).ValueGeneratedNever();

        // The bytes go with their file's row (database store, ADR 0011).
        builder.HasOne<StoredFile>().WithOne().HasForeignKey<StoredFileBytes>(c => c.Id).OnDelete(DeleteBehavior.Cascade);
    }
}
