namespace LeadOps.Application.Conversations;

public enum MessengerMessagingType
{
    /// <summary>Within 24 h of the customer's last message.</summary>
    Response,

    /// <summary>MESSAGE_TAG with tag HUMAN_AGENT: a person's reply up to 7 days after the customer's last message.</summary>
    HumanAgentTag,
}

public sealed record MessengerSendResult(string RecipientId, string MessageId);

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
