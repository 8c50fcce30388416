namespace LeadOps.Application.Conversations;

/// <summary>One attachment as Meta sent it: its type (kept even when unknown), link, title, coordinates, sticker id.</summary>
public sealed record MessengerAttachment(string Type, string? Url = null, string? Title = null, double? Latitude = null, double? Longitude = null, string? StickerId = null)
{
    public MessageAttachment ToAttachment(int position) => MessageAttachment.Describe(position, Type, Url, Title, Latitude, Longitude, StickerId);
}
