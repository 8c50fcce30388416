namespace LeadOps.Infrastructure.Persistence.Configurations;

internal sealed class MessageAttachmentConfiguration : IEntityTypeConfiguration<MessageAttachment>
{
    public void Configure(EntityTypeBuilder<MessageAttachment> builder)
    {
        builder.Property(a => a.CopyNote).HasMaxLength(MessageAttachment.NoteLength);
        builder.Ignore(a => a.HasCoordinates);
        builder.Ignore(a => a.WantsCopy);
        builder.Ignore(a => a.Preview);

        // The thread loads the attachments of the messages it shows, in order.
        builder.HasIndex(a => new { a.MessageId, a.Position });
        builder.HasIndex(a => a.StoredFileId);
    }
}
