namespace LeadOps.GraphSandbox;

/// <summary>A message in a conversation between a page and a customer.</summary>
public sealed record ConversationMessage(string Mid, bool FromPage, string Text, DateTimeOffset Time);
