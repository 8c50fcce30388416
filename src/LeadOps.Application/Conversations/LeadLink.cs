namespace LeadOps.Application.Conversations;

/// <summary>A lead shown beside a conversation (same ad): its id for the link, and its name.</summary>
public sealed record LeadLink(long Id, string Name);
