namespace LeadOps.Application.Conversations;

/// <summary>The message a reply quotes: its text when LeadOps has it (null when it is not stored).</summary>
public sealed record QuotedMessage(string Mid, string? Text, string? SenderLabel);
