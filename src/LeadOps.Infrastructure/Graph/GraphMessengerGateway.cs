using System.Net.Http.Headers;

namespace LeadOps.Infrastructure.Graph;

/// <summary>
/// <see cref="IMessengerGateway"/> over <c>POST /{page-id}/messages</c>: text, an uploaded attachment (multipart
/// <c>filedata</c>, sent and saved in one call), sender actions. Window rules are the caller's; Graph's refusals come
/// back classified.
/// </summary>
internal sealed class GraphMessengerGateway(IGraphApi graphApi) : IMessengerGateway
{
    public async Task<MessengerSendResult> SendTextAsync(
        GraphCredentials credentials,
        string recipientPsid,
        string text,
        MessengerMessagingType messagingType,
        string? metadata,
        CancellationToken cancellationToken)
    {
        Check(credentials, recipientPsid);
        ArgumentException.ThrowIfNullOrEmpty(text);

        var (type, tag) = Typed(messagingType);
        var sent = await GraphCall.RunAsync(() =>
            graphApi.SendMessageAsync(credentials.PageId, new GraphSendMessageRequest(new(recipientPsid), type, new(text, metadata), tag), GraphCallContext.ForSend(credentials), cancellationToken));
        return Accepted(sent, recipientPsid);
    }

    public async Task<MessengerSendResult> SendAttachmentAsync(
        GraphCredentials credentials,
        string recipientPsid,
        OutgoingAttachment attachment,
        MessengerMessagingType messagingType,
        string? metadata,
        CancellationToken cancellationToken)
    {
        Check(credentials, recipientPsid);
        ArgumentNullException.ThrowIfNull(attachment);

        var (type, tag) = Typed(messagingType);
        var sent = await GraphCall.RunAsync(async () =>
        {
            using var content = new MultipartFormDataContent();
            content.Add(new StringContent(JsonSerializer.Serialize(new GraphRecipientDto(recipientPsid), GraphJson.Options)), "recipient");
            content.Add(new StringContent(type), "messaging_type");
            if (tag is not null)
            {
                content.Add(new StringContent(tag), "tag");
            }

            var message = new { attachment = new { type = attachment.Type, payload = new { is_reusable = false } }, metadata };
            content.Add(new StringContent(JsonSerializer.Serialize(message, GraphJson.Options)), "message");
            var file = new ByteArrayContent(attachment.Bytes);
            file.Headers.ContentType = MediaTypeHeaderValue.Parse(attachment.ContentType);
            content.Add(file, "filedata", attachment.FileName);
            return await graphApi.SendMessageContentAsync(credentials.PageId, content, GraphCallContext.ForSend(credentials), cancellationToken);
        });
        return Accepted(sent, recipientPsid);
    }

    public async Task SendSenderActionAsync(GraphCredentials credentials, string recipientPsid, SenderAction action, CancellationToken cancellationToken)
    {
        Check(credentials, recipientPsid);
        var name = action switch
        {
            SenderAction.MarkSeen => "mark_seen",
            SenderAction.TypingOn => "typing_on",
            SenderAction.TypingOff => "typing_off",
            _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Unknown sender action."),
        };
        await GraphCall.RunAsync(() =>
            graphApi.SendSenderActionAsync(credentials.PageId, new GraphSenderActionRequest(new(recipientPsid), name), GraphCallContext.ForPage(credentials), cancellationToken));
    }

    private static void Check(GraphCredentials credentials, string recipientPsid)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentException.ThrowIfNullOrEmpty(credentials.PageId);
        ArgumentException.ThrowIfNullOrEmpty(recipientPsid);
    }

    private static (string Type, string? Tag) Typed(MessengerMessagingType messagingType) => messagingType switch
    {
        MessengerMessagingType.Response => ("RESPONSE", null),
        MessengerMessagingType.HumanAgentTag => ("MESSAGE_TAG", "HUMAN_AGENT"),
        _ => throw new ArgumentOutOfRangeException(nameof(messagingType), messagingType, "Unknown messaging type."),
    };

    /// <summary>A success answer without a <c>message_id</c> (or with no body at all) still means Meta took the message.</summary>
    private static MessengerSendResult Accepted(GraphSendMessageResponse? sent, string recipientPsid) =>
        sent is not { MessageId: { Length: > 0 } id }
            ? throw new GraphApiException(GraphCall.Unreadable(200, "Graph accepted the message but returned no message_id") with { DoneAnyway = true })
            : new MessengerSendResult(sent.RecipientId ?? recipientPsid, id);
}
