namespace LeadOps.GraphSandbox;

/// <summary>The attachment of a sent message: its type, and the uploaded file (<c>filedata</c>) or the link it was sent from.</summary>
public sealed record SentAttachment(string Type, string? FileName, string? ContentType, byte[]? Bytes, string? Url);
