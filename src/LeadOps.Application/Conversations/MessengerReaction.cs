namespace LeadOps.Application.Conversations;

/// <summary>A reaction (<c>action</c> react) or its withdrawal (unreact, which may name no emoji).</summary>
public sealed record MessengerReaction(string? Emoji, string? Name, bool Unreact);
