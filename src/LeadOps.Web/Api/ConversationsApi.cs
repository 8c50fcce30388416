using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Serialization;
using LeadOps.Application.Conversations;
using LeadOps.Application.Conversations.Commands;
using LeadOps.Application.Conversations.Queries;
using LeadOps.Domain.Conversations;
using LeadOps.Web.Security;

namespace LeadOps.Web.Api;

/// <summary>
/// Conversations over JSON (<c>/api/conversations</c>, API key or cookie) and the brief's two endpoints,
/// <c>POST /admin/send-message</c> and <c>POST /test-message</c>, with their exact shapes but safe: a bearer key is
/// required, only the caller's own conversations can be answered, and Messenger's window rules apply.
/// </summary>
internal static class ConversationsApi
{
    public const string IdempotencyHeader = "Idempotency-Key";
    public const string DefaultTestMessage = "Hello from LeadOps!";

    public static void MapConversationsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/conversations");
        group.MapGet("/", ListAsync);
        group.MapPost("/escalate", async (EscalateRequest request, IMediator mediator, CancellationToken ct) =>
            ApiResults.From(await mediator.Send(new EscalateCustomer(request.PageId ?? string.Empty, request.Psid ?? string.Empty, request.Reason), ct), c => Results.Ok(Json(c))));
        group.MapGet("/{id:guid}", async (Guid id, IMediator mediator, CancellationToken ct) =>
            ApiResults.From(await mediator.Send(new GetConversation(id), ct), d => Results.Ok(Detail(d))));
        group.MapGet("/{id:guid}/messages", async (Guid id, IMediator mediator, CancellationToken ct) =>
            ApiResults.From(await mediator.Send(new GetConversation(id), ct), d => Results.Ok(new
            {
                conversation_id = d.Conversation.Id,
                total = d.TotalMessages,
                messages = d.Messages.Select(Json),
            })));
        group.MapPost("/{id:guid}/escalate", async (Guid id, ReasonRequest? request, IMediator mediator, CancellationToken ct) =>
            ApiResults.From(await mediator.Send(new EscalateConversation(id, request?.Reason), ct), c => Results.Ok(Json(c))));
        group.MapPost("/{id:guid}/take", async (Guid id, IMediator mediator, CancellationToken ct) =>
            ApiResults.From(await mediator.Send(new TakeConversation(id), ct), c => Results.Ok(Json(c))));
        group.MapPost("/{id:guid}/release", async (Guid id, IMediator mediator, CancellationToken ct) =>
            ApiResults.From(await mediator.Send(new ReleaseConversation(id), ct), c => Results.Ok(Json(c))));
        group.MapPost("/{id:guid}/resolve", async (Guid id, IMediator mediator, CancellationToken ct) =>
            ApiResults.From(await mediator.Send(new ResolveConversation(id), ct), c => Results.Ok(Json(c))));
        group.MapPost("/{id:guid}/messages", async (Guid id, ReplyRequest request, HttpRequest http, IMediator mediator, CancellationToken ct) =>
            ApiResults.From(
                await mediator.Send(new SendAdminMessage(id, request.Text ?? string.Empty, IdempotencyKey: IdempotencyKeyOf(http)), ct),
                outcome => Results.Ok(Json(outcome))));
        group.MapPost("/{id:guid}/messages/{messageId:long}/retry", async (Guid id, long messageId, IMediator mediator, CancellationToken ct) =>
            ApiResults.From(await mediator.Send(new RetryMessage(id, messageId), ct), outcome => Results.Ok(Json(outcome))));

        endpoints.MapPost("/admin/send-message", SendAdminMessageAsync).RequireAuthorization(AdminPolicy.ApiKeyName).DisableAntiforgery();
        endpoints.MapPost("/test-message", TestMessageAsync).RequireAuthorization(AdminPolicy.AdminName).DisableAntiforgery();
    }

    private static async Task<IResult> ListAsync(HttpRequest request, IMediator mediator, CancellationToken ct)
    {
        var stateText = request.Query["state"].ToString();
        var state = InboxText.ParseState(stateText);
        if (stateText.Length > 0 && state is null)
        {
            return Results.Json(new { error = "Unknown state: use needs_human, human_active, bot or resolved." }, statusCode: StatusCodes.Status400BadRequest);
        }

        var page = int.TryParse(request.Query["page"], out var p) ? p : 1;
        var size = int.TryParse(request.Query["page_size"], out var s) ? s : ListConversations.DefaultPageSize;
        var list = await mediator.Send(new ListConversations(state, request.Query["page_id"].ToString(), page, size), ct);
        return Results.Ok(new
        {
            conversations = list.Items.Select(Json),
            total = list.Total,
            page = list.Page,
            page_size = list.PageSize,
        });
    }

    /// <summary>The brief's admin endpoint: 401 (auth, before this runs), 422 for a malformed body, 404, 422 for the wrong recipient.</summary>
    private static async Task<IResult> SendAdminMessageAsync(HttpContext http, IMediator mediator, CancellationToken ct)
    {
        var (body, bodyError) = await ReadObjectAsync(http.Request, ct);
        if (bodyError is not null)
        {
            return bodyError;
        }

        var problems = new List<FieldProblem>();
        var conversationId = RequiredUuid(body, "conversation_id", problems);
        var recipientId = RequiredString(body, "recipient_id", problems);
        var text = RequiredString(body, "message_text", problems);
        var adminId = RequiredUuid(body, "admin_id", problems);
        if (text is not null)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                problems.Add(new("message_text", "Write a message first: it cannot be empty.", "string_too_short"));
            }
            else if (text.Trim().Length > MessengerMessage.MaxTextLength)
            {
                problems.Add(new("message_text", $"A Messenger message can have at most {MessengerMessage.MaxTextLength} characters.", "string_too_long"));
            }
        }

        if (recipientId is { Length: 0 or > 64 })
        {
            problems.Add(new("recipient_id", "recipient_id must be the customer's Messenger id.", "value_error"));
        }

        if (problems.Count > 0)
        {
            return Unprocessable(problems);
        }

        var actor = http.User.FindFirstValue(ClaimTypes.NameIdentifier);
        var note = adminId is { } a && !string.Equals(a.ToString(), actor, StringComparison.OrdinalIgnoreCase) ? $"admin_id {a}" : null;
        Result<ReplyOutcome> result;
        try
        {
            result = await mediator.Send(new SendAdminMessage(conversationId!.Value, text!, recipientId, IdempotencyKeyOf(http.Request), note), ct);
        }
        catch (Application.Common.ValidationException ex)
        {
            return Unprocessable([.. ex.Errors.SelectMany(e => e.Value.Select(m => new FieldProblem(ApiExceptionHandler.SnakeCase(e.Key), m, "value_error")))]);
        }

        return result.Status switch
        {
            ResultStatus.NotFound => Results.Json(new { detail = "Conversation not found" }, statusCode: StatusCodes.Status404NotFound),
            ResultStatus.Unprocessable => Unprocessable([new("recipient_id", "recipient_id is not this conversation's customer.", "value_error")]),
            _ => BriefAnswer(result.Value!),
        };
    }

    private static IResult BriefAnswer(ReplyOutcome outcome)
    {
        if (outcome.Succeeded)
        {
            return Results.Ok(new { success = true, message = "Message sent successfully", data = new { recipient_id = outcome.RecipientId, message = outcome.Text } });
        }

        var error = outcome.Status == MessageStatus.Sending
            ? "This message (same idempotency key) is still being sent."
            : outcome.Error ?? "Facebook API call failed";
        return Results.Ok(new { success = false, message = "Failed to send message", data = new { recipient_id = outcome.RecipientId, error } });
    }

    /// <summary>The brief's test endpoint, for the admin only, to a customer with a conversation (the latest one).</summary>
    private static async Task<IResult> TestMessageAsync(HttpRequest request, IMediator mediator, CancellationToken ct)
    {
        var recipientId = request.Query["recipient_id"].ToString();
        var message = request.Query.TryGetValue("message", out var m) && m.Count > 0 ? m.ToString() : DefaultTestMessage;
        if (string.IsNullOrWhiteSpace(recipientId))
        {
            return Unprocessable([new FieldProblem("recipient_id", "recipient_id is required.", "missing", "query")]);
        }

        Result<ReplyOutcome> result;
        try
        {
            result = await mediator.Send(new SendTestMessage(recipientId, message), ct);
        }
        catch (Application.Common.ValidationException ex)
        {
            return Unprocessable([.. ex.Errors.SelectMany(e => e.Value.Select(msg => new FieldProblem(ApiExceptionHandler.SnakeCase(e.Key), msg, "value_error", "query")))]);
        }

        if (result.Status == ResultStatus.NotFound)
        {
            return Results.Json(new { success = false, error = "No conversation with this recipient" }, statusCode: StatusCodes.Status404NotFound);
        }

        var outcome = result.Value!;
        return outcome.Succeeded
            ? Results.Ok(new { success = true, recipient_id = outcome.RecipientId, message = outcome.Text })
            : Results.Ok(new { success = false, error = outcome.Error ?? "Facebook API call failed" });
    }

    internal static string? IdempotencyKeyOf(HttpRequest request) =>
        request.Headers[IdempotencyHeader].ToString() is { Length: > 0 } key ? key : null;

    private static async Task<(JsonElement Body, IResult? Error)> ReadObjectAsync(HttpRequest request, CancellationToken ct)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: ct);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? (document.RootElement.Clone(), null)
                : (default, Unprocessable([new FieldProblem(null, "The body must be a JSON object.", "model_attributes_type")]));
        }
        catch (JsonException)
        {
            return (default, Unprocessable([new FieldProblem(null, "The body is not valid JSON.", "json_invalid")]));
        }
    }

    private static string? RequiredString(JsonElement body, string name, List<FieldProblem> problems)
    {
        if (!body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            problems.Add(new(name, $"{name} is required.", "missing"));
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            problems.Add(new(name, $"{name} must be a string.", "string_type"));
            return null;
        }

        return value.GetString();
    }

    private static Guid? RequiredUuid(JsonElement body, string name, List<FieldProblem> problems)
    {
        var text = RequiredString(body, name, problems);
        if (text is null)
        {
            return null;
        }

        if (!Guid.TryParse(text, out var id))
        {
            problems.Add(new(name, $"{name} must be a UUID.", "uuid_parsing"));
            return null;
        }

        return id;
    }

    /// <summary>422 in FastAPI's shape (<c>detail[].loc/msg/type</c>), plus the house <c>error</c> and <c>errors</c>.</summary>
    private static IResult Unprocessable(IReadOnlyList<FieldProblem> problems) => Results.Json(
        new
        {
            detail = problems.Select(p => new { loc = p.Field is null ? new[] { p.Location } : [p.Location, p.Field], msg = p.Message, type = p.Type }),
            error = problems[0].Message,
            errors = problems.Where(p => p.Field is not null).GroupBy(p => p.Field!).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()),
        },
        statusCode: StatusCodes.Status422UnprocessableEntity);

    private sealed record FieldProblem(string? Field, string Message, string Type, string Location = "body");

    internal static object Json(ConversationView c) => new
    {
        id = c.Id,
        page_id = c.PageId,
        page_name = c.PageName,
        psid = c.Psid,
        customer = c.CustomerLabel,
        state = InboxText.StateCode(c.State),
        state_text = c.StateText,
        requires_human = c.State == ConversationState.NeedsHuman,
        assigned_to = c.AssignedToUserId is null ? null : new { user_id = c.AssignedToUserId, name = c.AssignedToName },
        escalation_reason = c.EscalationReason,
        escalated_at = c.EscalatedAt,
        last_customer_message_at = c.LastCustomerMessageAt,
        waiting_since = c.WaitingSince,
        waited = c.WaitedText,
        last_message_at = c.LastMessageAt,
        last_message_preview = c.LastMessagePreview,
        window = new { kind = WindowCode(c.Window), text = c.WindowText, until = c.WindowUntil },
    };

    private static object Detail(ConversationDetail d) => new
    {
        conversation = Json(d.Conversation),
        can_reply = d.CanReply,
        reply_note = d.ReplyNote,
        total_messages = d.TotalMessages,
        messages = d.Messages.Select(Json),
    };

    internal static object Json(MessageView m) => new
    {
        id = m.Id,
        direction = m.Direction == MessageDirection.Inbound ? "inbound" : "outbound",
        sender = InboxText.SenderCode(m.Sender),
        sender_name = m.SenderLabel,
        text = m.Text,
        status = m.StatusText,
        error = m.FailureReason,
        error_code = InboxText.FailureCode(m.FailureKind),
        messaging_type = m.MessagingType,
        tag = m.Tag,
        at = m.At,
        can_retry = m.CanRetry,
        mid = m.Mid,
    };

    private static object Json(ReplyOutcome o) => new
    {
        success = o.Succeeded,
        conversation_id = o.ConversationId,
        message_id = o.MessageId,
        recipient_id = o.RecipientId,
        status = InboxText.Status(o.Status),
        messaging_type = o.MessagingType,
        tag = o.Tag,
        error = o.Error,
        error_code = InboxText.FailureCode(o.Failure),
        duplicate = o.Duplicate,
    };

    private static string WindowCode(WindowKind kind) => kind switch
    {
        WindowKind.Standard => "standard",
        WindowKind.HumanAgent => "human_agent",
        _ => "closed",
    };

    internal sealed record EscalateRequest(
        [property: JsonPropertyName("page_id")] string? PageId,
        [property: JsonPropertyName("psid")] string? Psid,
        [property: JsonPropertyName("reason")] string? Reason);

    internal sealed record ReasonRequest([property: JsonPropertyName("reason")] string? Reason);

    internal sealed record ReplyRequest([property: JsonPropertyName("text")] string? Text);
}
