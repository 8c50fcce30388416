using LeadOps.Application.Conversations.Commands;
using LeadOps.Application.Conversations.Queries;
using static LeadOps.Web.Api.Conversations.ConversationContracts;

namespace LeadOps.Web.Api.Conversations;

/// <summary>
/// Conversations over JSON (<c>/api/conversations</c>, API key or cookie): the Inbox list (searched by the customer's
/// name, PSID or message words with <c>q</c>; <c>sort=waiting</c> for longest waiting first), one thread, escalate, take,
/// release, resolve, reply (once per <c>Idempotency-Key</c>) and retry a failed reply.
/// </summary>
internal static class ConversationsApi
{
    /// <summary>An unknown state, or a page or page size that is not a whole number in range, is a 400.</summary>
    public static async Task<Results<Ok<ConversationList>, ProblemHttpResult>> ListAsync(HttpRequest request, ISender sender, CancellationToken ct)
    {
        var stateText = request.Query["state"].ToString();
        var state = InboxText.ParseState(stateText);
        if (stateText.Length > 0 && state is null)
        {
            return ApiResults.BadRequest("Unknown state: use needs_human, human_active, bot or resolved.");
        }

        if (!QueryPaging.TryRead(request.Query, "page", 1, ListConversations.MaxPage, out var page, out var error)
            || !QueryPaging.TryRead(request.Query, "page_size", ListConversations.DefaultPageSize, ListConversations.MaxPageSize, out var size, out error))
        {
            return ApiResults.BadRequest(error!);
        }

        var list = await sender.Send(new ListConversations(state, request.Query["page_id"].ToString(), page, size, request.Query["q"].ToString(), request.Query["sort"] == "waiting"), ct);
        return TypedResults.Ok(ConversationList.From(list));
    }

    public static Task<Results<Ok<ConversationResponse>, ProblemHttpResult>> EscalateCustomerAsync(EscalateRequest request, ISender sender, CancellationToken ct) =>
        ActAsync(sender, new EscalateCustomer(request.PageId ?? string.Empty, request.Psid ?? string.Empty, request.Reason), ct);

    public static async Task<Results<Ok<ConversationDetailResponse>, ProblemHttpResult>> GetAsync(Guid id, ISender sender, CancellationToken ct) =>
        (await sender.Send(new GetConversation(id), ct)).ToHttp(d => TypedResults.Ok(ConversationDetailResponse.From(d)));

    public static async Task<Results<Ok<MessageList>, ProblemHttpResult>> ListMessagesAsync(Guid id, ISender sender, CancellationToken ct) =>
        (await sender.Send(new GetConversation(id), ct)).ToHttp(d => TypedResults.Ok(MessageList.From(d)));

    public static Task<Results<Ok<ConversationResponse>, ProblemHttpResult>> EscalateAsync(Guid id, ReasonRequest? request, ISender sender, CancellationToken ct) =>
        ActAsync(sender, new EscalateConversation(id, request?.Reason), ct);

    public static Task<Results<Ok<ConversationResponse>, ProblemHttpResult>> TakeAsync(Guid id, ISender sender, CancellationToken ct) =>
        ActAsync(sender, new TakeConversation(id), ct);

    public static Task<Results<Ok<ConversationResponse>, ProblemHttpResult>> ReleaseAsync(Guid id, ISender sender, CancellationToken ct) =>
        ActAsync(sender, new ReleaseConversation(id), ct);

    public static Task<Results<Ok<ConversationResponse>, ProblemHttpResult>> ResolveAsync(Guid id, ISender sender, CancellationToken ct) =>
        ActAsync(sender, new ResolveConversation(id), ct);

    public static async Task<Results<Ok<ReplyResponse>, ProblemHttpResult>> ReplyAsync(Guid id, ReplyRequest request, HttpRequest http, ISender sender, CancellationToken ct) =>
        (await sender.Send(new SendAdminMessage(id, request.Text ?? string.Empty, IdempotencyKey: IdempotencyKey.Of(http)), ct))
            .ToHttp(outcome => TypedResults.Ok(ReplyResponse.From(outcome)));

    public static async Task<Results<Ok<ReplyResponse>, ProblemHttpResult>> RetryAsync(Guid id, long messageId, ISender sender, CancellationToken ct) =>
        (await sender.Send(new RetryMessage(id, messageId), ct)).ToHttp(outcome => TypedResults.Ok(ReplyResponse.From(outcome)));

    private static async Task<Results<Ok<ConversationResponse>, ProblemHttpResult>> ActAsync(ISender sender, ICommand<Result<ConversationView>> command, CancellationToken ct) =>
        (await sender.Send(command, ct)).ToHttp(c => TypedResults.Ok(ConversationResponse.From(c)));
}
