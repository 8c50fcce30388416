namespace LeadOps.Infrastructure.Conversations.Files;

/// <summary>
/// Bytes in a folder, one file per stored file named by its (random) id, under a folder per owner. Written before the
/// row is saved, through a temporary name, so a row never points at half a file; a failed save leaves an orphan file,
/// never a row without its bytes (ADR 0011). Who may read a file is decided by its row (owner filter), not by the path.
/// </summary>
internal sealed class FolderFileStore(LeadOpsDbContext db, FolderFileStore.Root root) : IFileStore
{
    public async Task AddAsync(StoredFile file, byte[] bytes, CancellationToken cancellationToken)
    {
        db.StoredFiles.Add(file);
        var path = PathOf(db.CurrentOwnerId ?? throw new InvalidOperationException("Files are stored for an acting owner."), file.Id);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".part";
        await File.WriteAllBytesAsync(temporary, bytes, cancellationToken);
        File.Move(temporary, path, overwrite: true);
    }

    public Task<Stream?> OpenReadAsync(StoredFile file, CancellationToken cancellationToken)
    {
        var path = PathOf(file.OwnerId, file.Id);
        return Task.FromResult<Stream?>(File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true) : null);
    }

    /// <summary>Owner ids are the identity store's; hashed so that any id makes a safe folder name.</summary>
    private string PathOf(string ownerId, Guid id)
    {
        var owner = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(ownerId)))[..32];
        return Path.Combine(root.Path, owner, id.ToString("N"));
    }

    /// <summary>The store's folder, resolved against the content root once.</summary>
    public sealed record Root(string Path);
}
