namespace LeadOps.Application.Conversations;

/// <summary>The Messenger Send API (<c>POST /{page-id}/messages</c>): text, attachments and sender actions.</summary>
public interface IMessengerGateway
{
    Task<MessengerSendResult> SendTextAsync(
        GraphCredentials credentials,
        string recipientPsid,
        string text,
        MessengerMessagingType messagingType,
        CancellationToken cancellationToken);

    /// <summary>Uploads and sends one file in the same call (multipart <c>filedata</c>).</summary>
    Task<MessengerSendResult> SendAttachmentAsync(
        GraphCredentials credentials,
        string recipientPsid,
        OutgoingAttachment attachment,
        MessengerMessagingType messagingType,
        CancellationToken cancellationToken);

    Task SendSenderActionAsync(GraphCredentials credentials, string recipientPsid, SenderAction action, CancellationToken cancellationToken);
}
