namespace LeadOps.Application.Conversations;

/// <summary>
/// <see cref="Search"/> matches the customer's name, PSID and the words of messages (each search word begins a stored
/// word, ignoring case and accents; ADR 0020). <see cref="LongestWaiting"/> orders by how long the customer has waited,
/// across states, instead of Needs human first.
/// </summary>
public sealed record ConversationFilter(ConversationState? State, string? PageId, int Page, int PageSize, string? Search = null, bool LongestWaiting = false);
