using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LeadOps.Infrastructure.Persistence.Configurations;

internal sealed class LeadConfiguration : IEntityTypeConfiguration<Lead>
{
    public void Configure(EntityTypeBuilder<Lead> builder)
    {
        builder.HasKey(l => l.Id);
        builder.Property(l => l.FacebookLeadId).HasMaxLength(64).IsRequired();
        builder.Property(l => l.PageId).HasMaxLength(64).IsRequired();
        builder.Property(l => l.FormId).HasMaxLength(64).IsRequired();
        builder.Property(l => l.FormName).HasMaxLength(300);
        builder.Property(l => l.FullName).HasMaxLength(300);
        builder.Property(l => l.FirstName).HasMaxLength(150);
        builder.Property(l => l.LastName).HasMaxLength(150);
        builder.Property(l => l.Email).HasMaxLength(320);
        builder.Property(l => l.Phone).HasMaxLength(64);
        builder.Property(l => l.AdId).HasMaxLength(64);
        builder.Property(l => l.AdName).HasMaxLength(300);
        builder.Property(l => l.AdsetId).HasMaxLength(64);
        builder.Property(l => l.AdsetName).HasMaxLength(300);
        builder.Property(l => l.CampaignId).HasMaxLength(64);
        builder.Property(l => l.CampaignName).HasMaxLength(300);
        builder.Property(l => l.Platform).HasMaxLength(20);
        builder.Property(l => l.Source).HasConversion<string>().HasMaxLength(20);
        builder.Property(l => l.WelcomeStatus).HasConversion<string>().HasMaxLength(20);
        builder.Property(l => l.AnswersJson).IsRequired();
        builder.Ignore(l => l.DisplayName);

        // Exactly once per owner: concurrent webhook, manual and scheduled runs meet here.
        builder.HasIndex(l => new { l.OwnerId, l.FacebookLeadId }).IsUnique();
        // The lead list: newest first, filtered by form, source, welcome status.
        builder.HasIndex(l => new { l.OwnerId, l.CreatedTime });
        builder.HasIndex(l => new { l.OwnerId, l.FormId, l.CreatedTime });
        builder.HasIndex(l => new { l.OwnerId, l.FirstSeenAt });
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Kind).HasMaxLength(20).IsRequired();
        builder.Property(o => o.Status).HasConversion<string>().HasMaxLength(20);
        // Recording an outcome updates the row only while the claim it was sent under still holds (ADR 0004).
        builder.Property(o => o.ClaimedBy).HasMaxLength(100).IsConcurrencyToken();
        builder.Property(o => o.LastError).HasMaxLength(1000);
        builder.Property(o => o.MessageId).HasMaxLength(200);
        builder.HasOne(o => o.Lead).WithMany().HasForeignKey(o => o.LeadId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(o => new { o.LeadId, o.Kind }).IsUnique();
        builder.HasIndex(o => new { o.Status, o.NextAttemptAt });
    }
}

internal sealed class RetrievalRunConfiguration : IEntityTypeConfiguration<RetrievalRun>
{
    public void Configure(EntityTypeBuilder<RetrievalRun> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.FormId).HasMaxLength(64).IsRequired();
        builder.Property(r => r.FormName).HasMaxLength(300);
        builder.Property(r => r.Trigger).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Outcome).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.Error).HasMaxLength(1000);
        builder.Ignore(r => r.Duration);
        builder.HasIndex(r => new { r.OwnerId, r.StartedAt });
    }
}

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> builder)
    {
        builder.HasKey(w => w.Id);
        builder.Property(w => w.Body).IsRequired();
        builder.Property(w => w.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(w => w.UnknownPageIds).HasMaxLength(1000);
        builder.Property(w => w.LastError).HasMaxLength(1000);
        builder.HasIndex(w => new { w.Status, w.NextAttemptAt });
    }
}
