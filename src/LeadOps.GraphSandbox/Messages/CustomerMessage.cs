namespace LeadOps.GraphSandbox;

/// <summary>
/// What a customer writes: text, attachments, a quick reply's payload, the message they quote, the referral that brought them;
/// <paramref name="ReplyToStory"/>: the story they answer (<c>reply_to.story {url, id}</c>, as Meta's Instagram messaging webhooks
/// write a story reply).
/// </summary>
public sealed record CustomerMessage(string? Text = null, SandboxStory? ReplyToStory = null)
{
    public IReadOnlyList<CustomerAttachment> Attachments { get; init; } = [];

    public string? QuickReplyPayload { get; init; }

    public string? ReplyToMid { get; init; }

    public SandboxReferral? Referral { get; init; }

    /// <summary>Set: content Messenger does not deliver to the API (the webhook carries the <c>mid</c> and, in this form, the flag; nothing else).</summary>
    public UnsupportedContent? Unsupported { get; init; }

    /// <summary>What the conversation history keeps of it.</summary>
    internal string Summary => Unsupported is not null ? "(unsupported)" : Text ?? string.Join(", ", Attachments.Select(a => $"({a.Type})"));
}
