namespace LeadOps.Infrastructure.Conversations.Files;

/// <summary>Bytes in the <c>StoredFileBytes</c> table, saved in the same transaction as their row (ADR 0011).</summary>
internal sealed class DatabaseFileStore(LeadOpsDbContext db) : IFileStore
{
    public Task AddAsync(StoredFile file, byte[] bytes, CancellationToken cancellationToken)
    {
        db.StoredFiles.Add(file);
        db.StoredFileBytes.Add(new StoredFileBytes { Id = file.Id, Bytes = bytes });
        return Task.CompletedTask;
    }

    public async Task<Stream?> OpenReadAsync(StoredFile file, CancellationToken cancellationToken)
    {
        var bytes = await db.StoredFileBytes.AsNoTracking().Where(c => c.Id == file.Id).Select(c => c.Bytes).FirstOrDefaultAsync(cancellationToken);
        return bytes is null ? null : new MemoryStream(bytes, writable: false);
    }
}
