namespace LeadOps.Application.Conversations;

/// <summary>
/// The Messenger Send API (<c>POST /{page-id}/messages</c>): text, attachments and sender actions. <c>metadata</c>, when
/// given, is sent as the message's <c>metadata</c>, which Meta gives back on its echo.
/// </summary>
public interface IMessengerGateway
{
    Task<MessengerSendResult> SendTextAsync(
        GraphCredentials credentials,
        string recipientPsid,
        string text,
        MessengerMessagingType messagingType,
        string? metadata,
        CancellationToken cancellationToken);

    /// <summary>Uploads and sends one file in the same call (multipart <c>filedata</c>).</summary>
    Task<MessengerSendResult> SendAttachmentAsync(
        GraphCredentials credentials,
        string recipientPsid,
        OutgoingAttachment attachment,
        MessengerMessagingType messagingType,
        string? metadata,
        CancellationToken cancellationToken);

    Task SendSenderActionAsync(GraphCredentials credentials, string recipientPsid, SenderAction action, CancellationToken cancellationToken);
}
