namespace LeadOps.Application.Conversations;

/// <summary>
/// An echo that had claimed a reply Meta was never asked to send, taken back off it: Meta's id of that other message and
/// when it was sent.
/// </summary>
public readonly record struct EchoTakenBack(string Mid, DateTimeOffset? SentAt);
