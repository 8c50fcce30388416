namespace LeadOps.Application.Conversations;

/// <summary>
/// Keeps LeadOps' own copy of customers' images and files (Meta's links expire), up to <c>Attachments:MaxCopyBytes</c>.
/// A copy that cannot be made never stops the message: the attachment keeps Meta's link and says why.
/// </summary>
internal sealed class AttachmentCopier(IAttachmentFetcher fetcher, IFileStore files, AttachmentOptions options, TimeProvider clock)
{
    public async Task CopyAsync(IEnumerable<MessageAttachment> attachments, CancellationToken ct)
    {
        foreach (var attachment in attachments.Where(a => a.WantsCopy))
        {
            if (options.MaxCopyBytes <= 0)
            {
                attachment.NotCopied(AttachmentCopy.TooLarge, "LeadOps keeps no copies here (Attachments:MaxCopyBytes is 0): Meta's link expires.");
                continue;
            }

            var fetched = await fetcher.FetchAsync(attachment.Url!, options.MaxCopyBytes, ct);
            switch (fetched.Outcome)
            {
                case FetchOutcome.Fetched:
                    attachment.CopiedAs(await StoreAsync(fetched, attachment.Title, ct));
                    break;
                case FetchOutcome.TooLarge:
                    attachment.NotCopied(AttachmentCopy.TooLarge, $"Larger than {Megabytes(options.MaxCopyBytes)}: LeadOps keeps no copy and Meta's link expires.");
                    break;
                default:
                    attachment.NotCopied(AttachmentCopy.Failed, $"LeadOps could not keep a copy: {fetched.Problem ?? "the link did not answer"}. Meta's link expires.");
                    break;
            }
        }
    }

    /// <summary>A copy of one file (a profile picture); null when it cannot be had.</summary>
    public async Task<StoredFile?> CopyAsync(string url, CancellationToken ct)
    {
        var fetched = options.MaxCopyBytes > 0 ? await fetcher.FetchAsync(url, options.MaxCopyBytes, ct) : null;
        return fetched?.Outcome == FetchOutcome.Fetched ? await StoreAsync(fetched, null, ct) : null;
    }

    private async Task<StoredFile> StoreAsync(FetchedFile fetched, string? title, CancellationToken ct)
    {
        var file = StoredFile.Of(fetched.ContentType, fetched.FileName ?? title, fetched.Bytes!.Length, clock.GetUtcNow());
        await files.AddAsync(file, fetched.Bytes, ct);
        return file;
    }

    internal static string Megabytes(long bytes) => bytes < 1024 * 1024
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes / 1024d:0.#} KB")
        : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes / 1024d / 1024d:0.#} MB");
}
