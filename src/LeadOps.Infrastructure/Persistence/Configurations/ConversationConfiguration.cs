namespace LeadOps.Infrastructure.Persistence.Configurations;

internal sealed class ConversationConfiguration : IEntityTypeConfiguration<Conversation>
{
    public void Configure(EntityTypeBuilder<Conversation> builder)
    {
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.PageId).HasMaxLength(FacebookId.MaxLength);
        builder.Property(c => c.Psid).HasMaxLength(FacebookId.MaxLength);

        // Stored as its number: the Inbox orders by it (Needs human first).
        builder.Property(c => c.State).HasConversion<int>();
        builder.Property(c => c.AssignedToUserId).HasMaxLength(UserId.MaxLength);
        builder.Property(c => c.EscalationReason).HasMaxLength(Conversation.ReasonLength);
        builder.Property(c => c.LastMessagePreview).HasMaxLength(Conversation.PreviewLength);
        builder.Ignore(c => c.CustomerLabel);
        builder.Ignore(c => c.CustomerName);
        builder.Ignore(c => c.Referral);
        builder.Ignore(c => c.Optin);
        builder.Property(c => c.CustomerFirstName).HasMaxLength(Conversation.NamePartLength);
        builder.Property(c => c.CustomerLastName).HasMaxLength(Conversation.NamePartLength);
        builder.Property(c => c.ReferralSource).HasMaxLength(Referral.FieldLength);
        builder.Property(c => c.ReferralRef).HasMaxLength(Referral.FieldLength);
        builder.Property(c => c.ReferralAdId).HasMaxLength(Referral.FieldLength);
        builder.Property(c => c.ReferralAdTitle).HasMaxLength(Referral.FieldLength);
        builder.Property(c => c.ReferralPostId).HasMaxLength(Referral.FieldLength);
        builder.Property(c => c.ReferralPhotoUrl).HasMaxLength(Referral.UrlLength);
        builder.Property(c => c.ReferralVideoUrl).HasMaxLength(Referral.UrlLength);
        builder.Property(c => c.ReferralProductId).HasMaxLength(Referral.FieldLength);
        builder.Property(c => c.ReferralRefererUri).HasMaxLength(Referral.UrlLength);
        builder.Property(c => c.OptinType).HasMaxLength(NotificationOptin.FieldLength);
        builder.Property(c => c.OptinTitle).HasMaxLength(NotificationOptin.FieldLength);
        builder.Property(c => c.OptinPayload).HasMaxLength(NotificationOptin.FieldLength);
        builder.Property(c => c.OptinFrequency).HasMaxLength(NotificationOptin.FieldLength);
        builder.Property(c => c.OptinStatus).HasMaxLength(NotificationOptin.FieldLength);
        builder.Property(c => c.OptinProtectedToken).HasMaxLength(Integration.ProtectedTokenLength);
        builder.Property(c => c.ThreadOwnerAppId).HasMaxLength(FacebookId.MaxLength);

        // One conversation per customer and page for each owner: webhook replays and concurrent events meet here.
        builder.HasIndex(c => new { c.OwnerId, c.PageId, c.Psid }).IsUnique();

        // The Inbox list: by state, then InboxOrder (longest waiting, then latest message); filtered by page. The list's
        // ORDER BY is exactly these columns, so a page is read off the index without sorting the owner's conversations.
        builder.HasIndex(c => new { c.OwnerId, c.State, c.InboxOrder, c.Id });
        builder.HasIndex(c => new { c.OwnerId, c.PageId, c.State, c.InboxOrder, c.Id });

        // Sorted by longest waiting across states (ADR 0021): InboxOrder alone.
        builder.HasIndex(c => new { c.OwnerId, c.InboxOrder, c.Id });

        // The customer's leads (ADR 0022): contacts the customer wrote, matched to leads' keys both ways.
        builder.Property(c => c.ContactEmailKey).HasMaxLength(ContactKeys.EmailLength);
        builder.Property(c => c.ContactPhoneKey).HasMaxLength(ContactKeys.PhoneLength);
        builder.HasIndex(c => new { c.OwnerId, c.ContactEmailKey });
        builder.HasIndex(c => new { c.OwnerId, c.ContactPhoneKey });
        builder.HasIndex(c => new { c.OwnerId, c.ReferralAdId });

        builder.HasMany<MessengerMessage>().WithOne().HasForeignKey(m => m.ConversationId).OnDelete(DeleteBehavior.Cascade);
    }
}
