namespace LeadOps.Application.Conversations;

/// <summary>
/// Sends a reply to a customer as the page, with the integration's token, the way the plan says (standard response or
/// human agent tag): its text, or the file staff attached (uploaded to Meta with the send), naming the reply in the
/// message's metadata so that its echo is known as this reply's (<see cref="MessengerMessage.EchoMetadata"/>).
/// </summary>
internal sealed class PageMessenger(IMessengerGateway gateway, ITokenProtector protector, IConversationRepository conversations, IFileStore files)
{
    public async Task<MessengerSendResult> SendAsync(Integration integration, string psid, MessengerMessage message, ReplyPlan plan, CancellationToken ct)
    {
        var credentials = protector.CredentialsFor(integration);
        var type = plan.Type == ReplyType.HumanAgentTag ? MessengerMessagingType.HumanAgentTag : MessengerMessagingType.Response;
        if (message.Attachments.FirstOrDefault(a => a.StoredFileId is not null) is not { } attachment)
        {
            return await gateway.SendTextAsync(credentials, psid, message.Text, type, message.EchoMetadata, ct);
        }

        var file = await conversations.GetStoredFileAsync(attachment.StoredFileId!.Value, ct);
        await using var content = file is null ? null : await files.OpenReadAsync(file, ct);
        if (content is null)
        {
            throw new FileNotFoundException("The attached file is no longer stored.");
        }

        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, ct);
        var upload = new OutgoingAttachment(attachment.Type, buffer.ToArray(), file!.ContentType, file.FileName ?? "attachment");
        return await gateway.SendAttachmentAsync(credentials, psid, upload, type, message.EchoMetadata, ct);
    }
}
