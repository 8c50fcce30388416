namespace LeadOps.Domain.Conversations;

/// <summary>
/// One attachment of a message, as Meta described it (type, link, coordinates, title), in the order Meta listed them,
/// with LeadOps' own copy when one was kept. Unknown types are kept by name.
/// </summary>
public sealed class MessageAttachment : IOwnedByUser
{
    public const int TypeLength = 30;
    public const int UrlLength = 4000;
    public const int TitleLength = 500;
    public const int StickerIdLength = 64;
    public const int NoteLength = 300;

    /// <summary>The story a customer's message answers (<c>reply_to.story</c>), kept as a link beside the message's own attachments.</summary>
    public const string StoryReply = "story_reply";

    /// <summary>Types whose bytes LeadOps copies (up to <c>Attachments:MaxCopyBytes</c>).</summary>
    public static readonly IReadOnlyList<string> CopiedTypes = ["image", "file", "video", "audio", "sticker"];

    public long Id { get; set; }

    public string OwnerId { get; set; } = string.Empty;

    public long MessageId { get; set; }

    public Guid ConversationId { get; set; }

    public int Position { get; set; }

    /// <summary>image, video, audio, file, location, fallback, sticker, template, or whatever Meta sent.</summary>
    public string Type { get; private set; } = string.Empty;

    /// <summary>Meta's link (expires after a while); null for a location or an attachment Meta sent without one.</summary>
    public string? Url { get; private set; }

    public string? Title { get; private set; }

    public double? Latitude { get; private set; }

    public double? Longitude { get; private set; }

    public string? StickerId { get; private set; }

    /// <summary>LeadOps' copy, when it keeps one.</summary>
    public Guid? StoredFileId { get; private set; }

    public AttachmentCopy Copy { get; private set; }

    /// <summary>Why there is no copy, in plain words.</summary>
    public string? CopyNote { get; private set; }

    public bool HasCoordinates => Latitude is not null && Longitude is not null;

    /// <summary>Whether LeadOps should try to keep a copy of it.</summary>
    public bool WantsCopy => Url is not null && CopiedTypes.Contains(Type);

    public static MessageAttachment Describe(int position, string type, string? url, string? title, double? latitude, double? longitude, string? stickerId) => new()
    {
        Position = position,
        Type = TextLimit.Cut(string.IsNullOrWhiteSpace(type) ? "unknown" : type.Trim().ToLowerInvariant(), TypeLength),
        Url = url is { Length: > 0 and <= UrlLength } ? url : null,
        Title = string.IsNullOrWhiteSpace(title) ? null : TextLimit.Cut(title.Trim(), TitleLength),
        Latitude = latitude is >= -90 and <= 90 ? latitude : null,
        Longitude = longitude is >= -180 and <= 180 ? longitude : null,
        StickerId = stickerId is { Length: > 0 and <= StickerIdLength } ? stickerId : null,
    };

    /// <summary>A file staff uploaded and LeadOps sends: the copy is the original.</summary>
    public static MessageAttachment Upload(string type, StoredFile file) => new()
    {
        Type = type,
        Title = file.FileName,
        StoredFileId = file.Id,
        Copy = AttachmentCopy.Copied,
    };

    public void CopiedAs(StoredFile file)
    {
        StoredFileId = file.Id;
        Copy = AttachmentCopy.Copied;
        CopyNote = null;
    }

    public void NotCopied(AttachmentCopy why, string note)
    {
        Copy = why;
        CopyNote = TextLimit.Cut(note, NoteLength);
    }

    /// <summary>What the Inbox list says for a message that is only this attachment.</summary>
    public string Preview => Type switch
    {
        "image" => "Photo",
        "video" => "Video",
        "audio" => "Voice message",
        "file" => Title is null ? "File" : $"File: {Title}",
        "location" => "Location",
        "sticker" => "Sticker",
        "fallback" => Title is null ? "Link" : $"Link: {Title}",
        "template" => "Template",
        "appointment_booking" => Title ?? "Appointment",
        "reel" or "ig_reel" or "post" or "ig_post" or "share" or "story_mention" or StoryReply => Title is null ? Capital(NameOf(Type)) : $"{Capital(NameOf(Type))}: {Title}",
        _ => $"Attachment ({Type})",
    };

    /// <summary>
    /// What staff call an attachment of this type: the shares the messages reference lists (<c>reel</c>, <c>ig_reel</c>,
    /// <c>post</c>, <c>ig_post</c>; Instagram's older <c>share</c>, its <c>story_mention</c> and the story a message replies to) in words, any other type by its name.
    /// </summary>
    public static string NameOf(string type) => type switch
    {
        "ig_reel" => "Instagram reel",
        "post" or "share" => "shared post",
        "ig_post" => "shared Instagram post",
        "story_mention" => "story mention",
        StoryReply => "reply to a story",
        _ => type,
    };

    private static string Capital(string words) => string.Concat(char.ToUpperInvariant(words[0]).ToString(), words.AsSpan(1));
}
