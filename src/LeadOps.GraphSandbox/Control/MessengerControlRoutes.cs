namespace LeadOps.GraphSandbox;

/// <summary>
/// The control API's Messenger part, under <c>/_sandbox/pages/{pageId}</c>: make a customer write (text, images, files,
/// locations, stickers, a quick reply, a quoted reply, from an ad), tap a button, edit, react, arrive from an ad, opt in,
/// read; make the Page inbox answer; make another app pass, take or request the thread; make Meta enforce its policy,
/// refuse profiles or route the page's conversations itself. Every event takes an optional <c>shape</c> (envelope, time
/// and app id forms, <c>user_ref</c> sender).
/// </summary>
internal static class MessengerControlRoutes
{
    public static void Map(RouteGroupBuilder group)
    {
        const string Customer = "/pages/{pageId}/customers/{psid}";
        group.MapPost(Customer + "/messages", async (HttpContext http, SandboxState state, string pageId, string psid) =>
        {
            var body = await ReadAsync<MessageBody>(http);
            if (body.Text is null && (body.Attachments is null || body.Attachments.Count == 0) && body.Unsupported is null)
            {
                throw new ArgumentException("A customer message needs \"text\", \"attachments\" or \"unsupported\".");
            }

            var message = new CustomerMessage(body.Text)
            {
                Attachments = body.Attachments ?? [],
                QuickReplyPayload = body.QuickReplyPayload,
                ReplyToMid = body.ReplyToMid,
                Referral = body.Referral,
                Unsupported = body.Unsupported,
            };
            return Results.Json(new Sent(state.Customers.Writes(pageId, psid, message, body.Shape)), ControlRoutes.Json);
        });

        group.MapPost(Customer + "/postbacks", async (HttpContext http, SandboxState state, string pageId, string psid) =>
        {
            var body = await ReadAsync<PostbackBody>(http);
            return Results.Json(new Sent(state.Customers.Taps(pageId, psid, Required(body.Title, "title"), Required(body.Payload, "payload"), body.Referral, body.Shape)), ControlRoutes.Json);
        });

        group.MapPost(Customer + "/edits", async (HttpContext http, SandboxState state, string pageId, string psid) =>
        {
            var body = await ReadAsync<EditBody>(http);
            state.Customers.Edits(pageId, psid, Required(body.Mid, "mid"), Required(body.Text, "text"), body.NumEdit ?? 1, body.Shape);
            return Results.NoContent();
        });

        group.MapPost(Customer + "/reactions", async (HttpContext http, SandboxState state, string pageId, string psid) =>
        {
            var body = await ReadAsync<ReactionBody>(http);
            state.Customers.Reacts(pageId, psid, Required(body.Mid, "mid"), body.Emoji ?? "❤️", body.Reaction ?? "love", body.Action == "unreact", body.Shape);
            return Results.NoContent();
        });

        group.MapPost(Customer + "/referrals", async (HttpContext http, SandboxState state, string pageId, string psid) =>
        {
            var body = await ReadAsync<ReferralBody>(http);
            state.Customers.ArrivesFrom(pageId, psid, new SandboxReferral(body.Source ?? "ADS", body.Ref, body.AdId, body.AdTitle, body.PostId)
            {
                PhotoUrl = body.PhotoUrl,
                VideoUrl = body.VideoUrl,
                ProductId = body.ProductId,
                RefererUri = body.RefererUri,
            }, body.Shape);
            return Results.NoContent();
        });

        group.MapPost(Customer + "/optins", async (HttpContext http, SandboxState state, string pageId, string psid) =>
        {
            var body = await ReadAsync<OptinBody>(http);
            var token = body.OneTime == true
                ? state.Customers.OptsInOnce(pageId, psid, body.Payload ?? "ONE_TIME", body.Shape)
                : state.Customers.OptsIn(pageId, psid, Required(body.Title, "title"), body.Frequency ?? "WEEKLY", body.Shape);
            return Results.Json(new OptedIn(token), ControlRoutes.Json);
        });

        group.MapPost(Customer + "/page-inbox-replies", async (HttpContext http, SandboxState state, string pageId, string psid) =>
        {
            var body = await ReadAsync<MessageBody>(http);
            return Results.Json(new Sent(state.Customers.PageInboxAnswers(pageId, psid, Required(body.Text, "text"), body.Shape)), ControlRoutes.Json);
        });

        group.MapPost(Customer + "/handovers", async (HttpContext http, SandboxState state, string pageId, string psid) =>
        {
            var body = await ReadAsync<HandoverBody>(http);
            var action = Required(body.Action, "action");
            if (action is not ("pass_thread_control" or "take_thread_control" or "request_thread_control"))
            {
                throw new ArgumentException("action must be pass_thread_control, take_thread_control or request_thread_control.");
            }

            state.Customers.Handover(pageId, psid, action, body.FromAppId, body.ToAppId, body.Metadata, body.Shape);
            return Results.NoContent();
        });

        group.MapPost(Customer + "/reads", async (HttpContext http, SandboxState state, string pageId, string psid) =>
        {
            state.Customers.Reads(pageId, psid, (await ReadAsync<ShapeBody>(http)).Shape);
            return Results.NoContent();
        });

        group.MapPost("/pages/{pageId}/policy", async (HttpContext http, SandboxState state, string pageId) =>
        {
            var body = await ReadAsync<PolicyBody>(http);
            state.Customers.EnforcesPolicy(pageId, Required(body.Action, "action"), body.Reason, body.Shape);
            return Results.NoContent();
        });

        group.MapPost("/pages/{pageId}/profiles", async (HttpContext http, SandboxState state, string pageId) =>
        {
            state.Customers.RefuseProfiles(pageId, (await ReadAsync<ToggleBody>(http)).Refused ?? true);
            return Results.NoContent();
        });

        group.MapPost("/pages/{pageId}/conversation-routing", async (HttpContext http, SandboxState state, string pageId) =>
        {
            state.Customers.RouteConversationsByMeta(pageId, (await ReadAsync<ToggleBody>(http)).Routed ?? true);
            return Results.NoContent();
        });

        group.MapGet("/sender-actions", (SandboxState state) => Results.Json(state.Customers.SenderActions, ControlRoutes.Json));
        group.MapGet("/thread-control", (SandboxState state) => Results.Json(state.Customers.ThreadControlCalls, ControlRoutes.Json));
    }

    private static async Task<T> ReadAsync<T>(HttpContext http)
    {
        using var document = await ControlRoutes.ReadJsonAsync(http);
        return document.RootElement.Deserialize<T>(ControlRoutes.Json) ?? throw new ArgumentException("The body must be a JSON object.");
    }

    private static string Required(string? value, string name) =>
        string.IsNullOrEmpty(value) ? throw new ArgumentException($"\"{name}\" is required.") : value;

    private sealed record ShapeBody(MessengerShape? Shape);

    private sealed record MessageBody(string? Text, List<CustomerAttachment>? Attachments, string? QuickReplyPayload, string? ReplyToMid, SandboxReferral? Referral, MessengerShape? Shape)
    {
        /// <summary><c>"Flagged"</c>, <c>"FlaggedAsString"</c> or <c>"MidOnly"</c>: content Messenger does not deliver to the API.</summary>
        public UnsupportedContent? Unsupported { get; init; }
    }

    private sealed record PostbackBody(string? Title, string? Payload, SandboxReferral? Referral, MessengerShape? Shape);

    private sealed record EditBody(string? Mid, string? Text, int? NumEdit, MessengerShape? Shape);

    private sealed record ReactionBody(string? Mid, string? Emoji, string? Reaction, string? Action, MessengerShape? Shape);

    private sealed record ReferralBody(string? Source, string? Ref, string? AdId, string? AdTitle, string? PostId, MessengerShape? Shape)
    {
        public string? PhotoUrl { get; init; }

        public string? VideoUrl { get; init; }

        public string? ProductId { get; init; }

        public string? RefererUri { get; init; }
    }

    private sealed record OptinBody(string? Title, string? Frequency, MessengerShape? Shape, bool? OneTime = null, string? Payload = null);

    private sealed record HandoverBody(string? Action, string? FromAppId, string? ToAppId, string? Metadata, MessengerShape? Shape);

    private sealed record PolicyBody(string? Action, string? Reason, MessengerShape? Shape);

    private sealed record ToggleBody(bool? Refused, bool? Routed);

    private sealed record Sent(string Mid);

    private sealed record OptedIn(string Token);
}
