namespace LeadOps.Domain.Conversations;

/// <summary>
/// A file LeadOps keeps for one owner: a copy of a customer's image or file, a profile picture, or an attachment staff
/// uploaded. Where its bytes live is the file store's business (ADR 0011); this row says what it is and whose.
/// </summary>
public sealed class StoredFile : IOwnedByUser
{
    public const int ContentTypeLength = 100;
    public const int FileNameLength = 255;

    public Guid Id { get; private set; } = Guid.NewGuid();

    public string OwnerId { get; set; } = string.Empty;

    public string ContentType { get; private set; } = "application/octet-stream";

    public string? FileName { get; private set; }

    public long Length { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Raster images browsers show inline; everything else is served as a download.</summary>
    public bool IsInlineImage => ContentType is "image/png" or "image/jpeg" or "image/gif" or "image/webp";

    public static StoredFile Of(string? contentType, string? fileName, long length, DateTimeOffset now) => new()
    {
        ContentType = string.IsNullOrWhiteSpace(contentType) ? "application/octet-stream" : TextLimit.Cut(contentType.Split(';')[0].Trim().ToLowerInvariant(), ContentTypeLength),
        FileName = string.IsNullOrWhiteSpace(fileName) ? null : TextLimit.Cut(Path.GetFileName(fileName.Trim()), FileNameLength),
        Length = length,
        CreatedAt = now,
    };
}
