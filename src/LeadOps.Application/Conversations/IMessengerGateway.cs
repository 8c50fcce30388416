namespace LeadOps.Application.Conversations;

/// <summary>The Messenger Send API (POST /{page-id}/messages).</summary>
public interface IMessengerGateway
{
    Task<MessengerSendResult> SendTextAsync(
        GraphCredentials credentials,
        string recipientPsid,
        string text,
        MessengerMessagingType messagingType,
        CancellationToken cancellationToken);
}
