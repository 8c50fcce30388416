namespace LeadOps.Domain.Common;

/// <summary>
/// A row that belongs to one staff user. Every such entity is filtered to the current user by the data layer,
/// stamped with its owner on insert, and refused on save when it belongs to someone else.
/// </summary>
public interface IOwnedByUser
{
    string OwnerId { get; set; }
}
