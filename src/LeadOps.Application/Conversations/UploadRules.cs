using System.Text;

namespace LeadOps.Application.Conversations;

/// <summary>
/// Which uploads staff may send and as what: images (JPEG, PNG, GIF, WebP) go out as Send API <c>image</c>
/// attachments; PDF, Office documents and plain text or CSV as <c>file</c>. The file's own bytes must match its
/// extension; the browser's content type is not trusted.
/// </summary>
public static class UploadRules
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] Ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    public const string Allowed = "JPEG, PNG, GIF or WebP images; PDF, Word, Excel, PowerPoint, text or CSV files";

    /// <summary>Why a file over the upload limit is refused (also said by the reply box before the file is sent).</summary>
    public static string TooLarge(long maxBytes) => $"The file is larger than {AttachmentCopier.Megabytes(maxBytes)}, the most LeadOps sends.";

    /// <summary>The Send API type (image or file) and the content type to send it with; or why the upload is refused.</summary>
    public static (string? Type, string? ContentType, string? Refusal) Check(ReplyUpload upload, long maxBytes)
    {
        if (upload.Bytes.Length == 0)
        {
            return (null, null, "The file is empty.");
        }

        if (upload.Bytes.Length > maxBytes)
        {
            return (null, null, TooLarge(maxBytes));
        }

        var bytes = upload.Bytes.AsSpan();
        var (type, contentType, matches) = Path.GetExtension(upload.FileName).ToLowerInvariant() switch
        {
            ".jpg" or ".jpeg" => ("image", "image/jpeg", bytes.StartsWith(Jpeg)),
            ".png" => ("image", "image/png", bytes.StartsWith(Png)),
            ".gif" => ("image", "image/gif", bytes.StartsWith("GIF87a"u8) || bytes.StartsWith("GIF89a"u8)),
            ".webp" => ("image", "image/webp", bytes.Length > 12 && bytes.StartsWith("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8)),
            ".pdf" => ("file", "application/pdf", bytes.StartsWith("%PDF-"u8)),
            ".docx" => ("file", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", bytes.StartsWith(Zip)),
            ".xlsx" => ("file", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", bytes.StartsWith(Zip)),
            ".pptx" => ("file", "application/vnd.openxmlformats-officedocument.presentationml.presentation", bytes.StartsWith(Zip)),
            ".doc" => ("file", "application/msword", bytes.StartsWith(Ole)),
            ".xls" => ("file", "application/vnd.ms-excel", bytes.StartsWith(Ole)),
            ".txt" => ("file", "text/plain", IsText(upload.Bytes)),
            ".csv" => ("file", "text/csv", IsText(upload.Bytes)),
            _ => ((string?)null, (string?)null, false),
        };

        return type is null
            ? (null, null, $"This kind of file cannot be sent: attach {Allowed}.")
            : matches ? (type, contentType, null) : (null, null, $"The file's content does not match its name ({Path.GetExtension(upload.FileName)}).");
    }

    private static bool IsText(byte[] bytes)
    {
        try
        {
            return !new UTF8Encoding(false, true).GetString(bytes).Contains('\0', StringComparison.Ordinal);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
