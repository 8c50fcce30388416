namespace LeadOps.Application.Conversations;

/// <summary>
/// Where the bytes of <see cref="StoredFile"/>s live (ADR 0011): the database, or a folder every node shares. A file
/// added here exists once the caller's save commits (a store that writes at once may leave an orphan when the save
/// fails, never a row without its bytes).
/// </summary>
public interface IFileStore
{
    /// <summary>Adds the file's row (owned by the acting user) and its bytes.</summary>
    Task AddAsync(StoredFile file, byte[] bytes, CancellationToken cancellationToken);

    /// <summary>The file's bytes; null when they are gone.</summary>
    Task<Stream?> OpenReadAsync(StoredFile file, CancellationToken cancellationToken);
}
