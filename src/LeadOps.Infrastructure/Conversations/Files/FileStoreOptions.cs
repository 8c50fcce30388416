namespace LeadOps.Infrastructure.Conversations.Files;

/// <summary>The <c>Attachments</c> section's storage and fetching settings (the size limits are <see cref="AttachmentOptions"/>).</summary>
public sealed class FileStoreOptions
{
    /// <summary>Database (default) or Folder.</summary>
    public FileStoreKind Store { get; set; } = FileStoreKind.Database;

    /// <summary>The folder of the Folder store, relative to the content root unless absolute.</summary>
    public string Folder { get; set; } = "App_Data/attachments";

    /// <summary>How long LeadOps waits for one of Meta's files.</summary>
    public TimeSpan DownloadTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Meta's CDN hosts (a leading dot: any host under it), where attachments and profile pictures are fetched from over https.</summary>
    public static IReadOnlyList<string> MetaHosts { get; } = [".fbcdn.net", ".fbsbx.com", ".facebook.com", ".cdninstagram.com"];

    /// <summary>More hosts to fetch from over https (the Graph host, <c>Facebook:GraphBaseUrl</c>, is always allowed).</summary>
    public List<string> ExtraAllowedHosts { get; set; } = [];
}
