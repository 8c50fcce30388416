namespace LeadOps.Domain.Conversations.Events;

/// <summary>
/// LeadOps asked Meta to pass thread control to the bot (release) or take it (take): <see cref="Done"/> whether Meta
/// granted it, <see cref="Detail"/> what happened in plain words (never message text).
/// </summary>
public sealed record ThreadControlRequested(Conversation Conversation, string Action, bool Done, string Detail) : ConversationEvent(Conversation);
