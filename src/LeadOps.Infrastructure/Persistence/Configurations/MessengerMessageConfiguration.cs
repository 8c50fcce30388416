namespace LeadOps.Infrastructure.Persistence.Configurations;

internal sealed class MessengerMessageConfiguration : IEntityTypeConfiguration<MessengerMessage>
{
    public void Configure(EntityTypeBuilder<MessengerMessage> builder)
    {
        builder.Property(m => m.Direction).HasMaxLength(10);
        builder.Property(m => m.SenderUserId).HasMaxLength(UserId.MaxLength);

        // Stored as its number: receipts move a message forward only (Status < receipt).
        builder.Property(m => m.Status).HasConversion<int>();
        builder.Property(m => m.FailureKind).HasMaxLength(30);
        builder.Property(m => m.FailureReason).HasMaxLength(TextLimit.Reason);
        builder.Ignore(m => m.CanRetry);
        builder.Ignore(m => m.IsEdited);
        builder.Ignore(m => m.Preview);
        builder.Ignore(m => m.IsInternalNote);
        builder.Property(m => m.PostbackPayload).HasMaxLength(MessengerMessage.PayloadLength);
        builder.Property(m => m.QuickReplyPayload).HasMaxLength(MessengerMessage.PayloadLength);
        builder.Property(m => m.ReplyToMid).HasMaxLength(MessengerMessage.MidLength);
        builder.Property(m => m.ReactionEmoji).HasMaxLength(MessengerMessage.ReactionLength);

        // Attachments go with their message (and are loaded with it only where needed).
        builder.HasMany(m => m.Attachments).WithOne().HasForeignKey(a => a.MessageId).OnDelete(DeleteBehavior.Cascade);

        // A message Meta knows is stored once per owner, however often the webhook is replayed.
        builder.HasIndex(m => new { m.OwnerId, m.Mid }).IsUnique();

        // A reply is sent once per idempotency key (double click, retried request).
        builder.HasIndex(m => new { m.OwnerId, m.IdempotencyKey }).IsUnique();

        // The thread: a conversation's messages by time.
        builder.HasIndex(m => new { m.ConversationId, m.At });
    }
}
