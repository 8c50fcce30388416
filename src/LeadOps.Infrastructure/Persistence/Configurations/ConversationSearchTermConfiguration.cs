namespace LeadOps.Infrastructure.Persistence.Configurations;

/// <summary>The Inbox's word index (ADR 0020): "begins with" is a range on (owner, term), so a search reads only the words it matches.</summary>
internal sealed class ConversationSearchTermConfiguration : IEntityTypeConfiguration<ConversationSearchTerm>
{
    public void Configure(EntityTypeBuilder<ConversationSearchTerm> builder)
    {
        builder.Property(t => t.Term).HasMaxLength(SearchText.TermLength);
        builder.HasIndex(t => new { t.OwnerId, t.Term, t.ConversationId });
        builder.HasIndex(t => t.ConversationId);
        builder.HasOne<Conversation>().WithMany().HasForeignKey(t => t.ConversationId).OnDelete(DeleteBehavior.Cascade);
    }
}
