namespace LeadOps.Infrastructure.Persistence.Configurations;

/// <summary>The integration's Messenger side (Integration.Messaging.cs): policy enforcement, profile access, escalation payload.</summary>
internal sealed class IntegrationMessagingConfiguration : IEntityTypeConfiguration<Integration>
{
    public void Configure(EntityTypeBuilder<Integration> builder)
    {
        builder.Property(i => i.MessagingPolicyReason).HasMaxLength(TextLimit.Reason);
        builder.Property(i => i.ProfileAccessRefusal).HasMaxLength(TextLimit.Reason);
        builder.Ignore(i => i.MessagingBlocked);
        builder.Ignore(i => i.MessagingRefusal);
    }
}
