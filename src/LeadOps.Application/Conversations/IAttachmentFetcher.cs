namespace LeadOps.Application.Conversations;

/// <summary>Fetches a file Meta links to (an attachment, a profile picture): only from Meta's hosts, never more than a limit.</summary>
public interface IAttachmentFetcher
{
    Task<FetchedFile> FetchAsync(string url, long maxBytes, CancellationToken cancellationToken);
}
