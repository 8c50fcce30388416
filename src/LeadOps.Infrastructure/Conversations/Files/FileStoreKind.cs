namespace LeadOps.Infrastructure.Conversations.Files;

/// <summary>Where the bytes of stored files live (ADR 0011).</summary>
public enum FileStoreKind
{
    /// <summary>In the database, beside their rows: nothing else to share between nodes or to back up.</summary>
    Database,

    /// <summary>In a folder (<c>Attachments:Folder</c>); with several nodes it must be one folder every node mounts.</summary>
    Folder,
}
