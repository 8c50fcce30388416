namespace LeadOps.Application.Conversations;

/// <summary>A stored file and its bytes, for the owner-only file endpoint. The caller disposes <see cref="Content"/>.</summary>
public sealed record StoredFileContent(StoredFile File, Stream Content);
