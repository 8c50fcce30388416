namespace LeadOps.GraphSandbox;

/// <summary>The Send API's answer to an accepted message.</summary>
internal sealed record SendResponse(string RecipientId, string MessageId);
