namespace LeadOps.Domain.Conversations;

/// <summary>Whether LeadOps keeps its own copy of an attachment (Meta's links expire).</summary>
public enum AttachmentCopy
{
    /// <summary>Nothing to copy: a location, a link, a template, or an attachment without a URL.</summary>
    None = 0,

    /// <summary>LeadOps keeps a copy, served to the conversation's owner only.</summary>
    Copied = 1,

    /// <summary>Larger than <c>Attachments:MaxCopyBytes</c>: only Meta's link is kept.</summary>
    TooLarge = 2,

    /// <summary>The copy could not be made (the link failed or is not Meta's): only Meta's link is kept.</summary>
    Failed = 3,
}
