namespace LeadOps.GraphSandbox;

/// <summary>
/// Messenger's Graph routes: <c>POST /{page-id}/messages</c> (and <c>/me/messages</c>) for text, attachments (a link or an
/// upload in <c>filedata</c>) and sender actions; <c>POST /{page-id}/pass_thread_control</c> and
/// <c>/take_thread_control</c>; the User Profile API (<see cref="ReadProfile"/>, reached through <c>GET /{id}</c>). The
/// parameters are checked here; the delivery rules are the <see cref="MessageStore"/>'s.
/// </summary>
internal static class MessageRoutes
{
    private static readonly string[] MessagingTypes = ["RESPONSE", "UPDATE", "MESSAGE_TAG"];
    private static readonly string[] MessageTags =
        ["HUMAN_AGENT", "ACCOUNT_UPDATE", "CONFIRMED_EVENT_UPDATE", "POST_PURCHASE_UPDATE", "CUSTOMER_FEEDBACK"];

    private static readonly string[] SenderActions = ["typing_on", "typing_off", "mark_seen"];
    private static readonly string[] AttachmentTypes = ["image", "audio", "video", "file"];
    private static readonly NodeFields ProfileFields = new("User", ["id", "first_name", "last_name", "profile_pic", "name"], ["first_name", "last_name", "profile_pic", "id"]);

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGraph(HttpMethods.Post, "{id}/messages", FaultRoutes.Messages, NodeResolver.Page, SendAsync);
        app.MapGraph(HttpMethods.Post, "{id}/pass_thread_control", FaultRoutes.ThreadControl, NodeResolver.Page, call => ThreadControlAsync(call, pass: true));
        app.MapGraph(HttpMethods.Post, "{id}/take_thread_control", FaultRoutes.ThreadControl, NodeResolver.Page, call => ThreadControlAsync(call, pass: false));
    }

    /// <summary><c>GET /{psid}?fields=first_name,last_name,profile_pic</c>; refused when the page's app lacks profile access.</summary>
    public static GraphReply ReadProfile(GraphCall call)
    {
        var messages = call.State.Messages;
        if (messages.ProfilesRefused(call.Page!))
        {
            return GraphReply.Fail(GraphErrors.ApplicationPermissionDenied());
        }

        var customer = messages.Find(call.Page!, call.PathId!)!;
        if (customer.WithoutProfile)
        {
            return GraphReply.Fail(customer.ProfileGone ? GraphErrors.UnknownObject(customer.Psid, "get") : GraphErrors.NoProfile());
        }

        var json = new System.Text.Json.Nodes.JsonObject
        {
            ["first_name"] = customer.FirstName,
            ["last_name"] = customer.LastName,
            ["profile_pic"] = messages.Cdn.Add("image", null, "profile.png"),
            ["name"] = customer.Name,
            ["id"] = customer.Psid,
        };
        return FieldSelection.Node(call, json, ProfileFields);
    }

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

        if (request.SenderAction is { } action)
        {
            return SenderAction(call, psid, action, request);
        }

        var attachment = await AttachmentAsync(request, call.Http.RequestAborted);
        if (request.Text is null && attachment is null)
        {
            return GraphReply.Fail(GraphErrors.InvalidParameter(request.AttachmentType is null ? "Must send either message or sender action" : "Incomplete attachment: send a url or filedata"));
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
        var (sent, error) = call.State.Messages.Send(call.Page!, psid, request.Text, attachment, request.MessagingType, tag, request.MessageMetadata);
        return error is not null ? GraphReply.Fail(error) : GraphReply.Json(new SendResponse(sent!.Psid, sent.MessageId));
    }

    /// <summary>A file uploaded as <c>filedata</c> (at most 25 MB) or a link in the attachment's payload.</summary>
    private static async Task<SentAttachment?> AttachmentAsync(SendRequest request, CancellationToken ct)
    {
        if (request.AttachmentType is not { } type || !AttachmentTypes.Contains(type))
        {
            return null;
        }

        if (request.FileData is { Length: > 0 and <= 25 * 1024 * 1024 } file)
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            return new SentAttachment(type, file.FileName, file.ContentType, buffer.ToArray(), null);
        }

        return request.AttachmentUrl is { } url ? new SentAttachment(type, null, null, null, url) : null;
    }

    private static GraphReply SenderAction(GraphCall call, string psid, string action, SendRequest request)
    {
        if (!SenderActions.Contains(action) || request.Text is not null || request.AttachmentType is not null)
        {
            return GraphReply.Fail(GraphErrors.InvalidParameter("param sender_action must be one of {typing_on, typing_off, mark_seen} and sent without a message"));
        }

        var messages = call.State.Messages;
        if (messages.Find(call.Page!, psid) is not { } customer)
        {
            return GraphReply.Fail(GraphErrors.NoMatchingUser());
        }

        if (customer.LastCustomerMessageAt is not { } last || messages.Now - last > TimeSpan.FromHours(24))
        {
            return GraphReply.Fail(GraphErrors.OutsideWindow());
        }

        messages.SenderActions.Add(new SenderActionCall(call.Page!.Id, psid, action, messages.Now));
        return GraphReply.Json(new SenderActionResponse(psid));
    }

    private static async Task<GraphReply> ThreadControlAsync(GraphCall call, bool pass)
    {
        var (request, parseError) = await SendRequest.ReadAsync(call);
        if (parseError is not null || string.IsNullOrEmpty(request.RecipientId))
        {
            return GraphReply.Fail(parseError ?? GraphErrors.InvalidParameter("param recipient must be non-empty."));
        }

        if (pass && string.IsNullOrEmpty(request.TargetAppId))
        {
            return GraphReply.Fail(GraphErrors.InvalidParameter("param target_app_id must be non-empty."));
        }

        var messages = call.State.Messages;
        var action = pass ? "pass_thread_control" : "take_thread_control";
        if (messages.Find(call.Page!, request.RecipientId) is not { } customer)
        {
            return GraphReply.Fail(GraphErrors.NoMatchingUser());
        }

        var routed = messages.RoutedByMeta(call.Page!);
        messages.ThreadControlCalls.Add(new ThreadControlCall(call.Page!.Id, customer.Psid, action, request.TargetAppId, request.Metadata, !routed, messages.Now));
        if (routed)
        {
            return GraphReply.Fail(GraphErrors.HandoverDisabled());
        }

        customer.ThreadOwnerAppId = pass ? request.TargetAppId : messages.AppId;
        return !pass && messages.TakeAnswersOwner(call.Page!)
            ? GraphReply.Json(ThreadOwnerJson.Of(customer.ThreadOwnerAppId, messages.Now + ThreadOwnerJson.IdleAfter))
            : GraphReply.Json(new SuccessJson(true));
    }
}
