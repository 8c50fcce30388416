using System.Globalization;

namespace LeadOps.Application.Conversations;

/// <summary>
/// An attachment as the thread shows it: LeadOps' copy (<see cref="FileId"/>, served to the owner only) when it keeps
/// one, otherwise Meta's link; coordinates with a map link for a location.
/// </summary>
public sealed record AttachmentView(
    string Type,
    string? Url,
    string? Title,
    double? Latitude,
    double? Longitude,
    string? StickerId,
    Guid? FileId,
    string? FileName,
    string? ContentType,
    long? Size,
    bool IsInlineImage,
    AttachmentCopy Copy,
    string? CopyNote)
{
    /// <summary>What staff call it ("Instagram reel", "shared post", or the type's own name).</summary>
    public string Name => MessageAttachment.NameOf(Type);

    /// <summary>Meta's link when it is a web address (http or https): the only kind the thread makes clickable.</summary>
    public string? WebUrl => WebAddress.Of(Url, MessageAttachment.UrlLength);

    /// <summary>OpenStreetMap at the coordinates (a link, never an embedded map).</summary>
    public string? MapUrl => Latitude is { } lat && Longitude is { } lon
        ? string.Create(CultureInfo.InvariantCulture, $"https://www.openstreetmap.org/?mlat={lat:0.######}&mlon={lon:0.######}#map=16/{lat:0.######}/{lon:0.######}")
        : null;

    public string? Coordinates => Latitude is { } lat && Longitude is { } lon
        ? string.Create(CultureInfo.InvariantCulture, $"{lat:0.######}, {lon:0.######}")
        : null;

    public static AttachmentView From(MessageAttachment a, IReadOnlyDictionary<Guid, StoredFile> files)
    {
        var file = a.StoredFileId is { } id ? files.GetValueOrDefault(id) : null;
        return new AttachmentView(
            a.Type, a.Url, a.Title, a.Latitude, a.Longitude, a.StickerId, file?.Id, file?.FileName ?? a.Title, file?.ContentType, file?.Length,
            file?.IsInlineImage == true, a.Copy, a.CopyNote);
    }
}
