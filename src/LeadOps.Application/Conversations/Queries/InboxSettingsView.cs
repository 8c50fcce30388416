namespace LeadOps.Application.Conversations.Queries;

/// <summary>The acting user's waiting thresholds (minutes) and saved replies, for the settings page.</summary>
public sealed record InboxSettingsView(int AmberMinutes, int RedMinutes, IReadOnlyList<SavedReply> SavedReplies);
