using LeadOps.Domain.Outgoing;

namespace LeadOps.Infrastructure.Persistence.Configurations;

internal sealed class StaffAlertConfiguration : IEntityTypeConfiguration<StaffAlert>
{
    public void Configure(EntityTypeBuilder<StaffAlert> builder)
    {
        builder.Property(a => a.LastError).HasMaxLength(TextLimit.Reason);

        // Never more than one alert per lead (or escalation, or pause): the key says which.
        builder.HasIndex(a => new { a.OwnerId, a.Key }).IsUnique();
        builder.HasIndex(a => new { a.SentAt, a.DueAt });
    }
}
