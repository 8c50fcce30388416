namespace LeadOps.Application.Conversations;

/// <summary>A file sent as a Send API attachment (uploaded as <c>filedata</c>): <see cref="Type"/> is image or file.</summary>
public sealed record OutgoingAttachment(string Type, byte[] Bytes, string ContentType, string FileName)
{
    public override string ToString() => $"OutgoingAttachment {{ Type = {Type}, Length = {Bytes.Length}, ContentType = {ContentType} }}";
}
