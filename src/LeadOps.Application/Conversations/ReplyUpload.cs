namespace LeadOps.Application.Conversations;

/// <summary>An image or file staff attach to a reply, as uploaded (the name and type are the browser's; <see cref="UploadRules"/> decide).</summary>
public sealed record ReplyUpload(string FileName, string? ContentType, byte[] Bytes)
{
    public override string ToString() => $"ReplyUpload {{ FileName = {FileName}, Length = {Bytes.Length} }}";
}
