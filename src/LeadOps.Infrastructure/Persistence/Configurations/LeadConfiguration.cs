namespace LeadOps.Infrastructure.Persistence.Configurations;

internal sealed class LeadConfiguration : IEntityTypeConfiguration<Lead>
{
    public void Configure(EntityTypeBuilder<Lead> builder)
    {
        builder.Property(l => l.FacebookLeadId).HasMaxLength(FacebookId.MaxLength);
        builder.Property(l => l.PageId).HasMaxLength(FacebookId.MaxLength);
        builder.Property(l => l.FormId).HasMaxLength(FacebookId.MaxLength);
        builder.Property(l => l.FormName).HasMaxLength(Lead.NameLength);
        builder.Property(l => l.FullName).HasMaxLength(Lead.NameLength);
        builder.Property(l => l.FirstName).HasMaxLength(Lead.PartNameLength);
        builder.Property(l => l.LastName).HasMaxLength(Lead.PartNameLength);
        builder.Property(l => l.AdId).HasMaxLength(FacebookId.MaxLength);
        builder.Property(l => l.AdName).HasMaxLength(Lead.NameLength);
        builder.Property(l => l.AdsetId).HasMaxLength(FacebookId.MaxLength);
        builder.Property(l => l.AdsetName).HasMaxLength(Lead.NameLength);
        builder.Property(l => l.CampaignId).HasMaxLength(FacebookId.MaxLength);
        builder.Property(l => l.CampaignName).HasMaxLength(Lead.NameLength);
        builder.Property(l => l.PartnerName).HasMaxLength(Lead.NameLength);
        builder.Property(l => l.RetailerItemId).HasMaxLength(Lead.ReferenceLength);
        builder.Property(l => l.HomeListingId).HasMaxLength(Lead.ReferenceLength);
        builder.Property(l => l.VehicleId).HasMaxLength(Lead.ReferenceLength);
        builder.Property(l => l.PostId).HasMaxLength(Lead.ReferenceLength);
        // AnswersJson and ConsentsJson are bounded by the lead's limits (Lead.FitAnswers, Lead.FitConsents): unlimited columns.
        builder.Ignore(l => l.DisplayName);
        builder.Ignore(l => l.Consents);
        builder.Ignore(l => l.WelcomeSkipReason);
        builder.Ignore(l => l.HasUsableEmail);

        // Exactly once per owner: concurrent webhook, manual and scheduled runs meet here.
        builder.HasIndex(l => new { l.OwnerId, l.FacebookLeadId }).IsUnique();
        // The lead list: newest first, filtered by form, source, welcome status.
        builder.HasIndex(l => new { l.OwnerId, l.CreatedTime });
        builder.HasIndex(l => new { l.OwnerId, l.FormId, l.CreatedTime });
        builder.HasIndex(l => new { l.OwnerId, l.FirstSeenAt });
        // The same person (ADR 0022): leads and conversations with the same e-mail or phone key.
        builder.Property(l => l.EmailKey).HasMaxLength(ContactKeys.EmailLength);
        builder.Property(l => l.PhoneKey).HasMaxLength(ContactKeys.PhoneLength);
        builder.HasIndex(l => new { l.OwnerId, l.EmailKey });
        builder.HasIndex(l => new { l.OwnerId, l.PhoneKey });
        builder.HasIndex(l => new { l.OwnerId, l.AdId });
    }
}
