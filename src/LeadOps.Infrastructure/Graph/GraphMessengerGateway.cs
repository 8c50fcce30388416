namespace LeadOps.Infrastructure.Graph;

/// <summary><see cref="IMessengerGateway"/> over <c>POST /{page-id}/messages</c>. Window rules are the caller's; Graph's refusals come back classified.</summary>
internal sealed class GraphMessengerGateway(IGraphApi graphApi) : IMessengerGateway
{
    public async Task<MessengerSendResult> SendTextAsync(
        GraphCredentials credentials,
        string recipientPsid,
        string text,
        MessengerMessagingType messagingType,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentException.ThrowIfNullOrEmpty(credentials.PageId);
        ArgumentException.ThrowIfNullOrEmpty(recipientPsid);
        ArgumentException.ThrowIfNullOrEmpty(text);

        var message = messagingType switch
        {
            MessengerMessagingType.Response => new GraphSendMessageRequest(new(recipientPsid), "RESPONSE", new(text), Tag: null),
            MessengerMessagingType.HumanAgentTag => new GraphSendMessageRequest(new(recipientPsid), "MESSAGE_TAG", new(text), Tag: "HUMAN_AGENT"),
            _ => throw new ArgumentOutOfRangeException(nameof(messagingType), messagingType, "Unknown messaging type."),
        };

        var sent = await GraphCall.RunAsync(() =>
            graphApi.SendMessageAsync(credentials.PageId, message, GraphCallContext.ForPage(credentials), cancellationToken));

        if (string.IsNullOrEmpty(sent.MessageId))
        {
            throw new GraphApiException(GraphCall.Unreadable(200, "Graph accepted the message but returned no message_id"));
        }

        return new MessengerSendResult(sent.RecipientId ?? recipientPsid, sent.MessageId);
    }
}
