namespace LeadOps.Infrastructure.Persistence.Configurations;

internal sealed class IntegrationFormConfiguration : IEntityTypeConfiguration<IntegrationForm>
{
    public void Configure(EntityTypeBuilder<IntegrationForm> builder)
    {
        builder.Property(f => f.FormId).HasMaxLength(FacebookId.MaxLength);
        builder.Property(f => f.QuestionsJson).IsRequired(); // bounded by LeadFormQuestion.Fit and 200 questions
        builder.Property(f => f.WelcomeConsentKey).HasMaxLength(Lead.ConsentKeyLength);
        builder.Property(f => f.TestLeadId).HasMaxLength(FacebookId.MaxLength);
        builder.Ignore(f => f.Questions);
        builder.Ignore(f => f.PendingRequestSince);
        builder.Ignore(f => f.IsActive);
        builder.HasIndex(f => new { f.IntegrationId, f.FormId }).IsUnique();
        builder.HasIndex(f => new { f.SyncEnabled, f.LastSyncedAt });
    }
}
