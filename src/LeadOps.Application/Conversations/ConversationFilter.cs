namespace LeadOps.Application.Conversations;

/// <summary><see cref="Search"/> matches the customer's name or page-scoped id.</summary>
public sealed record ConversationFilter(ConversationState? State, string? PageId, int Page, int PageSize, string? Search = null);
