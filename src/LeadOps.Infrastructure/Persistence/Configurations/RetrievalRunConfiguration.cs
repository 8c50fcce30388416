namespace LeadOps.Infrastructure.Persistence.Configurations;

internal sealed class RetrievalRunConfiguration : IEntityTypeConfiguration<RetrievalRun>
{
    public void Configure(EntityTypeBuilder<RetrievalRun> builder)
    {
        builder.Property(r => r.FormId).HasMaxLength(FacebookId.MaxLength);
        builder.Property(r => r.FormName).HasMaxLength(IntegrationForm.NameLength);
        builder.Property(r => r.Outcome).HasMaxLength(30);
        builder.Property(r => r.Error).HasMaxLength(TextLimit.Reason);
        builder.Property(r => r.Warning).HasMaxLength(TextLimit.Reason);
        builder.Ignore(r => r.Duration);
        builder.HasIndex(r => new { r.OwnerId, r.StartedAt });
        builder.HasIndex(r => new { r.Outcome, r.HeartbeatAt }); // runs gone quiet, for every owner

        // One run under way per form (ADR 0005): a second Running run of the form is refused by the database, whoever
        // starts it, on any node. SQLite's quoting here; SqlServerLeadOpsDbContext states the filter in its own.
        builder.HasIndex(r => new { r.IntegrationId, r.FormId }).IsUnique().HasFilter(RunningFilter("\"Outcome\""));
    }

    /// <summary>The rows of Running runs, in the provider's quoting of the column.</summary>
    public static string RunningFilter(string outcomeColumn) => $"{outcomeColumn} = '{nameof(RetrievalOutcome.Running)}'";
}
