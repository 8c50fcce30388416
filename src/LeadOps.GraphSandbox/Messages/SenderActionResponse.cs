namespace LeadOps.GraphSandbox;

/// <summary>The Send API's answer to a sender action: only the recipient.</summary>
internal sealed record SenderActionResponse(string RecipientId);
