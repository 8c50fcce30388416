namespace LeadOps.Application.Conversations;

public sealed record ConversationFilter(ConversationState? State, string? PageId, int Page, int PageSize);
