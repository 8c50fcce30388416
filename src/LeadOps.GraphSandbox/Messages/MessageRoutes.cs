namespace LeadOps.GraphSandbox;

/// <summary>
/// <c>POST /{page-id}/messages</c> (and <c>/me/messages</c>): the Messenger Send API. The parameters are checked here;
/// the delivery rules (length, blocked customer, messaging windows) are the <see cref="MessageStore"/>'s.
/// </summary>
internal static class MessageRoutes
{
    private static readonly string[] MessagingTypes = ["RESPONSE", "UPDATE", "MESSAGE_TAG"];
    private static readonly string[] MessageTags =
        ["HUMAN_AGENT", "ACCOUNT_UPDATE", "CONFIRMED_EVENT_UPDATE", "POST_PURCHASE_UPDATE", "CUSTOMER_FEEDBACK"];

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGraph(HttpMethods.Post, "{id}/messages", FaultRoutes.Messages, NodeResolver.Page, SendAsync);

    private static async Task<GraphReply> SendAsync(GraphCall call)
    {
        var (request, parseError) = await SendRequest.ReadAsync(call);
        if (parseError is not null)
        {
            return GraphReply.Fail(parseError);
        }

        var psid = request.RecipientId;
        if (string.IsNullOrEmpty(psid))
        {
            return GraphReply.Fail(GraphErrors.InvalidParameter("param recipient must be non-empty."));
        }

        if (request.Text is null)
        {
            return GraphReply.Fail(GraphErrors.InvalidParameter("Must send either message or sender action"));
        }

        if (request.MessagingType is null || !MessagingTypes.Contains(request.MessagingType))
        {
            return GraphReply.Fail(GraphErrors.InvalidParameter("Param messaging_type must be one of {RESPONSE, UPDATE, MESSAGE_TAG}"));
        }

        if (request.MessagingType == "MESSAGE_TAG" && (request.Tag is null || !MessageTags.Contains(request.Tag)))
        {
            return GraphReply.Fail(GraphErrors.InvalidParameter($"Param tag must be one of {{{string.Join(", ", MessageTags)}}}"));
        }

        var tag = request.MessagingType == "MESSAGE_TAG" ? request.Tag : null;
        var (sent, error) = call.State.Messages.Send(call.Page!, psid, request.Text, request.MessagingType, tag);
        return error is not null ? GraphReply.Fail(error) : GraphReply.Json(new SendResponse(sent!.Psid, sent.MessageId));
    }
}
