namespace LeadOps.Domain.Leads;

/// <summary>
/// One searchable word of a lead (a word of its name, its e-mail address or a part of it, its phone number's digits),
/// folded by <see cref="SearchFolding"/>. The lead list finds leads by a prefix of these terms through an index on
/// (owner, term), so a search reads the matching terms only, never every lead (ADR 0017).
/// </summary>
public sealed class LeadSearchTerm : IOwnedByUser
{
    /// <summary>Longer words are cut; a search for a longer prefix is cut the same way.</summary>
    public const int TermLength = 100;

    public long Id { get; set; }

    public string OwnerId { get; set; } = string.Empty;

    public long LeadId { get; set; }

    public string Term { get; set; } = string.Empty;
}
