namespace LeadOps.Application.Conversations;

/// <summary>The customer's reaction standing on a message: the emoji, Meta's word for it, when.</summary>
public sealed record MessageReaction(string Emoji, string? Name, DateTimeOffset? At);
