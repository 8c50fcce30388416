using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LeadOps.Infrastructure.Persistence.Configurations;

internal sealed class ConversationConfiguration : IEntityTypeConfiguration<Conversation>
{
    public void Configure(EntityTypeBuilder<Conversation> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.PageId).HasMaxLength(64).IsRequired();
        builder.Property(c => c.Psid).HasMaxLength(64).IsRequired();

        // Stored as its number: the Inbox orders by it (Needs human first).
        builder.Property(c => c.State);
        builder.Property(c => c.AssignedToUserId).HasMaxLength(450);
        builder.Property(c => c.AssignedToName).HasMaxLength(256);
        builder.Property(c => c.EscalationReason).HasMaxLength(Conversation.ReasonLength);
        builder.Property(c => c.LastMessagePreview).HasMaxLength(Conversation.PreviewLength);
        builder.Ignore(c => c.CustomerLabel);

        // One conversation per customer and page for each owner: webhook replays and concurrent events meet here.
        builder.HasIndex(c => new { c.OwnerId, c.PageId, c.Psid }).IsUnique();

        // The Inbox list: by state, then InboxOrder (longest waiting, then latest message); filtered by page. The list's
        // ORDER BY is exactly these columns, so a page is read off the index without sorting the owner's conversations.
        builder.Property(c => c.InboxOrder);
        builder.HasIndex(c => new { c.OwnerId, c.State, c.InboxOrder, c.Id });
        builder.HasIndex(c => new { c.OwnerId, c.PageId, c.State, c.InboxOrder, c.Id });

        builder.HasMany<MessengerMessage>().WithOne().HasForeignKey(m => m.ConversationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MessengerMessageConfiguration : IEntityTypeConfiguration<MessengerMessage>
{
    public void Configure(EntityTypeBuilder<MessengerMessage> builder)
    {
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Direction).HasConversion<string>().HasMaxLength(10);
        builder.Property(m => m.Sender).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.SenderUserId).HasMaxLength(450);
        builder.Property(m => m.SenderName).HasMaxLength(256);
        builder.Property(m => m.Text).IsRequired();
        builder.Property(m => m.Mid).HasMaxLength(200);

        // Stored as its number: receipts move a message forward only (Status < receipt).
        builder.Property(m => m.Status);
        builder.Property(m => m.MessagingType).HasMaxLength(20);
        builder.Property(m => m.Tag).HasMaxLength(40);
        builder.Property(m => m.IdempotencyKey).HasMaxLength(100);
        builder.Property(m => m.FailureKind).HasConversion<string>().HasMaxLength(30);
        builder.Property(m => m.FailureReason).HasMaxLength(1000);
        builder.Ignore(m => m.CanRetry);

        // A message Meta knows is stored once per owner, however often the webhook is replayed.
        builder.HasIndex(m => new { m.OwnerId, m.Mid }).IsUnique();

        // A reply is sent once per idempotency key (double click, retried request).
        builder.HasIndex(m => new { m.OwnerId, m.IdempotencyKey }).IsUnique();

        // The thread: a conversation's messages by time.
        builder.HasIndex(m => new { m.ConversationId, m.At });
    }
}
