namespace LeadOps.Application.Conversations;

/// <summary>The new text of an edited message and Meta's count of its edits (0 when Meta gave none).</summary>
public sealed record MessengerEdit(string Text, int EditCount);
