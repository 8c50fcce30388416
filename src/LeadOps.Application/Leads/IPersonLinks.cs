namespace LeadOps.Application.Leads;

/// <summary>
/// Finds the current user's leads and conversations of the same person by their keys (ADR 0022), each through an index
/// on (owner, key). Nothing is merged: records are only shown together.
/// </summary>
public interface IPersonLinks
{
    /// <summary>The keys of one of the user's leads; null when unknown or someone else's.</summary>
    Task<PersonKeys?> GetLeadKeysAsync(long leadId, CancellationToken cancellationToken);

    /// <summary>The newest leads sharing any key, without <paramref name="exceptLeadId"/>; each once, with its first reason.</summary>
    Task<IReadOnlyList<LeadCard>> FindLeadsAsync(PersonKeys keys, long? exceptLeadId, int limit, CancellationToken cancellationToken);

    /// <summary>The latest conversations sharing any key (the referral's ad, a contact the customer wrote).</summary>
    Task<IReadOnlyList<ConversationLink>> FindConversationsAsync(PersonKeys keys, int limit, CancellationToken cancellationToken);
}
