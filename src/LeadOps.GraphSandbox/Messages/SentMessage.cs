namespace LeadOps.GraphSandbox;

/// <summary>A message the sandbox accepted through the Send API. <see cref="Text"/> is empty for an attachment.</summary>
public sealed record SentMessage(
    string PageId, string Psid, string Text, string MessagingType, string? Tag, string MessageId, DateTimeOffset Time)
{
    public SentAttachment? Attachment { get; init; }

    /// <summary>The message's <c>metadata</c>, as the Send API call gave it.</summary>
    public string? Metadata { get; init; }
}
