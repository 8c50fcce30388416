namespace LeadOps.Application.Conversations;

/// <summary>A saved reply as the reply box offers it: its title and its text filled in for this conversation.</summary>
public sealed record SavedReplyOption(Guid Id, string Title, string Text);
