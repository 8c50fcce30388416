namespace LeadOps.Application.Conversations.Queries;

public sealed record PageOption(string PageId, string PageName);
