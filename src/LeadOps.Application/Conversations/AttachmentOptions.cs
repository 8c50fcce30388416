namespace LeadOps.Application.Conversations;

/// <summary>The <c>Attachments</c> configuration section: how large a file LeadOps copies or lets staff send.</summary>
public sealed class AttachmentOptions
{
    public const string SectionName = "Attachments";

    /// <summary>Meta's own limit for a Send API attachment.</summary>
    public const long MetaUploadLimit = 25L * 1024 * 1024;

    /// <summary>Customers' images and files up to this size are copied (Meta's links expire); larger ones keep only Meta's link. 0 copies nothing. Default 10 MiB.</summary>
    public long MaxCopyBytes { get; set; } = 10L * 1024 * 1024;

    /// <summary>The largest image or file staff may send from the thread (at most Meta's 25 MB). Default 10 MiB.</summary>
    public long MaxUploadBytes { get; set; } = 10L * 1024 * 1024;
}
