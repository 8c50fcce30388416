namespace LeadOps.GraphSandbox;

/// <summary>A message the sandbox accepted through the Send API.</summary>
public sealed record SentMessage(
    string PageId, string Psid, string Text, string MessagingType, string? Tag, string MessageId, DateTimeOffset Time);
