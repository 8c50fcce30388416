namespace LeadOps.Infrastructure.Persistence.Configurations;

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
