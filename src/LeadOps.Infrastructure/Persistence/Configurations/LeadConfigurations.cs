using LeadOps.Domain.Leads.Stages;

namespace LeadOps.Infrastructure.Persistence.Configurations;

// The lead and the rows that hang off it: its search terms, a lead Graph could not read, its stage history and notes.

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

/// <summary>A lead's search terms: found by (owner, term prefix) through one covering index (ADR 0017).</summary>
internal sealed class LeadSearchTermConfiguration : IEntityTypeConfiguration<LeadSearchTerm>
{
    /// <summary>SQL Server compares terms by code point, as SQLite does, so a prefix is exactly a range of the index.</summary>
    public const string SqlServerCollation = "Latin1_General_100_BIN2";

    public void Configure(EntityTypeBuilder<LeadSearchTerm> builder)
    {
        builder.HasOne<Lead>().WithMany(l => l.SearchTerms).HasForeignKey(t => t.LeadId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => new { t.OwnerId, t.Term, t.LeadId });
    }
}

internal sealed class LeadFailureConfiguration : IEntityTypeConfiguration<LeadFailure>
{
    public void Configure(EntityTypeBuilder<LeadFailure> builder)
    {
        builder.Property(f => f.FacebookLeadId).HasMaxLength(FacebookId.MaxLength);
        builder.Property(f => f.FormId).HasMaxLength(FacebookId.MaxLength);
        builder.Property(f => f.Reason).HasMaxLength(TextLimit.Reason);
        builder.HasIndex(f => new { f.OwnerId, f.FacebookLeadId }).IsUnique();
        builder.HasIndex(f => new { f.OwnerId, f.LastFailedAt });
    }
}

internal sealed class LeadStageChangeConfiguration : IEntityTypeConfiguration<LeadStageChange>
{
    public void Configure(EntityTypeBuilder<LeadStageChange> builder)
    {
        builder.Property(c => c.FromStageKey).HasMaxLength(PipelineStage.KeyLength);
        builder.Property(c => c.FromStageName).HasMaxLength(PipelineStage.NameLength);
        builder.Property(c => c.ToStageKey).HasMaxLength(PipelineStage.KeyLength);
        builder.Property(c => c.ToStageName).HasMaxLength(PipelineStage.NameLength);
        builder.Property(c => c.ActorId).HasMaxLength(UserId.MaxLength);
        builder.HasOne(c => c.Lead).WithMany().HasForeignKey(c => c.LeadId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.LeadId, c.At });
    }
}

internal sealed class LeadNoteConfiguration : IEntityTypeConfiguration<LeadNote>
{
    public void Configure(EntityTypeBuilder<LeadNote> builder)
    {
        builder.Property(n => n.AuthorId).HasMaxLength(UserId.MaxLength);
        builder.HasOne<Lead>().WithMany().HasForeignKey(n => n.LeadId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(n => new { n.LeadId, n.At });
    }
}
