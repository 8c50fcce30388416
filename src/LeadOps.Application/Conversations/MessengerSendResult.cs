namespace LeadOps.Application.Conversations;

public sealed record MessengerSendResult(string RecipientId, string MessageId);
